package io.snackbase.outbound.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundHttpTest {

    /** What the loopback receiver saw of one request. */
    record Seen(String path, String body, String contentType, String custom, int clientPort) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private OutboundHttp http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        servers.forEach(server -> server.stop(0));
    }

    private int receiver(Consumer<HttpExchange> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Custom"), exchange.getRemoteAddress().getPort()));
            answer.accept(exchange);
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HostResolver pointing(String name, String address) {
        return host -> {
            if (host.equals(name)) {
                return new InetAddress[] {InetAddress.getByName(address)};
            }
            throw new UnknownHostException(host);
        };
    }

    @Test
    void postsBodyAndHeadersAndReusesTheConnection() throws Exception {
        int port = receiver(exchange -> reply(exchange, 201, "ok"));
        http = new OutboundHttp(new OutboundPolicy(true), Duration.ofSeconds(5), 4, 2);
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Custom", "yes");
        OutboundResponse first = http.post("http://127.0.0.1:" + port + "/in", headers, "{\"a\":1}".getBytes());
        OutboundResponse second = http.post("http://127.0.0.1:" + port + "/in", headers, "{}".getBytes());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.success()).isTrue();
        assertThat(first.body()).isEqualTo("ok");
        assertThat(seen).extracting(Seen::body).containsExactly("{\"a\":1}", "{}");
        assertThat(seen.get(0).contentType()).isEqualTo("application/json");
        assertThat(seen.get(0).custom()).isEqualTo("yes");
        assertThat(seen.get(1).clientPort()).as("same pooled connection").isEqualTo(seen.get(0).clientPort());
    }

    @Test
    void nameResolvingToLoopbackIsRefusedAtConnectTimeInProduction() throws Exception {
        int port = receiver(exchange -> reply(exchange, 200, "should never be reached"));
        http = new OutboundHttp(new OutboundPolicy(false), Duration.ofSeconds(5), 4, 2,
                pointing("hooks.example.com", "127.0.0.1"));
        String url = "https://hooks.example.com:" + port + "/in";
        assertThat(http.policy().check(url)).isNotNull(); // passes the save-time check: names are not resolved
        assertThatThrownBy(() -> http.post(url, Map.of(), new byte[0]))
                .isInstanceOf(OutboundDeniedException.class).hasMessageContaining("loopback");
        assertThat(seen).isEmpty();
    }

    @Test
    void nameRebindingToPrivateAddressIsRefusedInDevelopmentToo() throws Exception {
        http = new OutboundHttp(new OutboundPolicy(true), Duration.ofSeconds(5), 4, 2,
                pointing("rebind.example.com", "::ffff:169.254.169.254"));
        assertThatThrownBy(() -> http.post("http://rebind.example.com/latest/meta-data", Map.of(), new byte[0]))
                .isInstanceOf(OutboundDeniedException.class).hasMessageContaining("link-local");
    }

    @Test
    void redirectIsReturnedNotFollowed() throws Exception {
        int target = receiver(exchange -> reply(exchange, 200, "private data"));
        int port = receiver(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + target + "/secret");
            reply(exchange, 302, "");
        });
        http = new OutboundHttp(new OutboundPolicy(true), Duration.ofSeconds(5), 4, 2);
        OutboundResponse response = http.post("http://127.0.0.1:" + port + "/in", Map.of(), new byte[0]);
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.success()).isFalse();
        assertThat(seen).extracting(Seen::path).containsExactly("/in");
    }

    @Test
    void longBodiesAreCutAndSlowReceiversTimeOut() throws Exception {
        int port = receiver(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                sleep(3000);
            }
            reply(exchange, 500, "x".repeat(50_000));
        });
        http = new OutboundHttp(new OutboundPolicy(true), Duration.ofMillis(500), 4, 2);
        OutboundResponse response = http.post("http://127.0.0.1:" + port + "/long", Map.of(), new byte[0]);
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).hasSize(OutboundHttp.MAX_BODY_CHARS);
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.post("http://127.0.0.1:" + port + "/slow", Map.of(), new byte[0]))
                .isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
