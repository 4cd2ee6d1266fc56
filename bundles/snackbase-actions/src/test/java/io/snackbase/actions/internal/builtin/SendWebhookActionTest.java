package io.snackbase.actions.internal.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.outbound.support.OutboundHttp;
import io.snackbase.outbound.support.OutboundPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** send_webhook against a loopback receiver: allowed only in development mode, as the outbound policy says. */
class SendWebhookActionTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private String url;
    private final BuiltinFakes.Context context = new BuiltinFakes.Context(Map.of("id", "r1", "title", "Hi"));

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("X-Note") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static SendWebhookAction action(boolean development) {
        return new SendWebhookAction(new OutboundHttp(new OutboundPolicy(development), Duration.ofSeconds(5), 4, 2));
    }

    @Test
    void postsTheRenderedBodyAndHeadersInDevelopment() throws Exception {
        SendWebhookAction action = action(true);
        assertThat(action.validate(Map.of("url", url))).isEmpty();
        ActionResult result = action.execute(context, Map.of("url", url, "headers", Map.of("X-Note", "{{record.id}}"),
                "body_template", "{\"title\":\"{{record.title}}\"}"));
        assertThat(result.success()).isTrue();
        assertThat(result.data()).containsEntry("status", 200);
        assertThat(received).containsExactly("POST application/json r1 {\"title\":\"Hi\"}");

        assertThat(action.execute(context, Map.of("url", url)).success()).isTrue();
        assertThat(received.get(1)).startsWith("POST application/json null {\"event\":\"manual\",\"account_id\":\"acc-1\",\"record\":");
    }

    @Test
    void aNon2xxAnswerFails() throws Exception {
        status = 500;
        ActionResult result = action(true).execute(context, Map.of("url", url));
        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("HTTP 500 from " + url);
    }

    @Test
    void productionRefusesLoopbackAndPlainHttpAtSaveAndAtRun() throws Exception {
        SendWebhookAction action = action(false);
        assertThat(action.validate(Map.of("url", url))).singleElement().asString().startsWith("'url' is not allowed: ");
        assertThat(action.validate(Map.of("url", "https://10.0.0.8/x"))).singleElement().asString().startsWith("'url' is not allowed: ");
        assertThat(action.validate(Map.of("url", "https://hooks.example.com/x", "method", "GET")))
                .containsExactly("'method' must be one of [POST]");
        assertThat(action.validate(Map.of("url", "https://hooks.example.com/x", "headers", Map.of("X", 1))))
                .containsExactly("'headers' values must be strings");
        // A templated URL is checked when it is known, at execution.
        assertThat(action.validate(Map.of("url", "{{record.url}}"))).isEmpty();
        ActionResult refused = action.execute(new BuiltinFakes.Context(Map.of("url", url)), Map.of("url", "{{record.url}}"));
        assertThat(refused.success()).isFalse();
        assertThat(refused.error()).startsWith("URL not allowed: ");
        assertThat(received).isEmpty();
    }
}
