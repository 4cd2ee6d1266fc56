package io.snackbase.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box test of the assembled instance: unpacked into a temporary folder and started through
 * {@code bin/snackbase} as a separate process, then spoken to over HTTP and stopped with SIGTERM.
 * The methods share one instance and run in order: the last ones stop and restart it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceProcessIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Path home;
    private static int port;
    private static InstanceProcess instance;
    private static Http http;
    private static String consolePassword;

    @BeforeAll
    static void startInstance() throws Exception {
        home = InstanceProcess.copyInstance(work.resolve("snackbase"));
        port = InstanceLayout.freePort();
        http = new Http(port);
        instance = startAndAwaitReady();
        instance.awaitOutput("(shown once;", START_TIMEOUT);
        consolePassword = instance.generatedPassword();
    }

    @AfterAll
    static void killLeftovers() {
        if (instance != null) {
            instance.kill();
        }
    }

    private static InstanceProcess startAndAwaitReady() throws Exception {
        InstanceProcess started = InstanceProcess.start(home, Map.of("SNACKBASE_PORT", Integer.toString(port)));
        int status = http.awaitStatus("/ready", 200, START_TIMEOUT);
        assertThat(status).as("GET /ready within %s; output:%n%s", START_TIMEOUT, started.output()).isEqualTo(200);
        // /ready answers while the last start levels are still being processed; the launcher prints after them
        started.awaitOutput("SnackBase started on port", START_TIMEOUT);
        return started;
    }

    @Test
    @Order(1)
    void announcesTheStartAndAGeneratedConsolePasswordOnce() {
        assertThat(instance.output()).contains("SnackBase started on port " + port + " (production)");
        assertThat(consolePassword).isNotNull().hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("admin");
        assertThat(home.resolve("data/console-credentials")).exists();
    }

    @Test
    @Order(1)
    void healthLiveAndReadyAnswer() throws Exception {
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("healthy");
        assertThat(http.get("/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void apiRootNamesTheApi() throws Exception {
        HttpResponse<String> root = http.get("/api/v1");
        assertThat(root.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(root.body());
        assertThat(body.path("name").isTextual()).as(root.body()).isTrue();
        assertThat(body.path("version").isTextual()).as(root.body()).isTrue();
        assertThat(body.path("api_version").asText()).isEqualTo("v1");
    }

    @Test
    @Order(1)
    void unknownRouteIsAJsonErrorEnvelopeWithACorrelationId() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/no-such-route");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(response.body());
        for (String field : new String[] {"error", "message", "detail"}) {
            assertThat(body.path(field).isTextual()).as("%s in %s", field, response.body()).isTrue();
        }
        assertThat(response.headers().firstValue("X-Correlation-ID")).get().asString().isNotBlank();
    }

    @Test
    @Order(1)
    void incomingCorrelationIdIsEchoed() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/no-such-route", Map.of("X-Correlation-ID", "it-4711"));
        assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("it-4711");
    }

    @Test
    @Order(1)
    void webConsoleAcceptsOnlyTheGeneratedPassword() throws Exception {
        String page = "/system/console/bundles";
        assertThat(http.get(page).statusCode()).isEqualTo(401);
        assertThat(http.get(page, Http.basicAuth("admin", "admin")).statusCode()).isEqualTo(401);
        assertThat(http.get(page, Http.basicAuth("admin", consolePassword)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void sigtermStopsCleanlyWithExitCodeZero() throws Exception {
        int exitCode = instance.terminate(STOP_TIMEOUT);
        assertThat(exitCode).as("exit code; output:%n%s", instance.output()).isZero();
        assertThat(instance.output()).contains("SnackBase stopped");
    }

    @Test
    @Order(3)
    void restartReusesTheStoredConsoleCredentials() throws Exception {
        instance = startAndAwaitReady();
        assertThat(instance.output()).doesNotContain("Web Console: user");
        assertThat(http.get("/system/console/bundles", Http.basicAuth("admin", consolePassword)).statusCode())
                .isEqualTo(200);
        assertThat(instance.terminate(STOP_TIMEOUT)).isZero();
    }

    @Test
    @Order(4)
    void portThatIsNotANumberIsRejectedWithExitCodeTwo() throws Exception {
        InstanceProcess rejected = InstanceProcess.start(home, Map.of("SNACKBASE_PORT", "abc"));
        assertThat(rejected.awaitExit(STOP_TIMEOUT)).isEqualTo(2);
        assertThat(rejected.output()).contains("SNACKBASE_PORT must be a port number from 1 to 65535, got 'abc'");
    }
}
