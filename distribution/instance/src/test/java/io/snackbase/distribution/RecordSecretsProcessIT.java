package io.snackbase.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted fields and {@code GET /records/{c}/{id}/secrets} on the assembled instance as a process,
 * with every logger at DEBUG: the plaintext reaches the bound key's answer (no-store) and nothing
 * else, neither the console, the log file, nor another account's key.
 */
class RecordSecretsProcessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "root@secrets.example.com";
    private static final String ROOT_PASSWORD = "S3crets!Sup3radmin";
    /** A value that must never show up in a log line. */
    private static final String PLAINTEXT = "pl41ntext-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path work;

    private static Path home;
    private static Http http;
    private static InstanceProcess instance;

    @BeforeAll
    static void start() throws Exception {
        home = InstanceProcess.copyInstance(work.resolve("snackbase"));
        Path logback = home.resolve("etc").resolve("logback.xml");
        Files.writeString(logback, Files.readString(logback).replace("<root level=\"INFO\">", "<root level=\"DEBUG\">"));
        int port = InstanceLayout.freePort();
        http = new Http(port);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        instance = InstanceProcess.start(home, Map.of("SNACKBASE_PORT", Integer.toString(port), "SNACKBASE_SUPERADMIN_EMAIL", ROOT,
                "SNACKBASE_SUPERADMIN_PASSWORD", ROOT_PASSWORD, "SNACKBASE_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key)));
        int status = http.awaitStatus("/api/v1/auth/me", 401, TIMEOUT);
        assertThat(status).as("auth routes within %s; output:%n%s", TIMEOUT, instance.output()).isEqualTo(401);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.kill();
        }
    }

    private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void onlyTheBoundKeySeesThePlaintextAndNoLogLineHoldsIt() throws Exception {
        Map<String, String> root = Http.bearer(http.login("SY0000", ROOT, ROOT_PASSWORD));
        awaitStatus("/api/v1/collections", root, 200);
        String acme = ok(http.send("POST", "/api/v1/accounts", "{\"name\":\"Secrets Acme\"}", root), 201).get("id").asText();
        String beta = ok(http.send("POST", "/api/v1/accounts", "{\"name\":\"Secrets Beta\"}", root), 201).get("id").asText();
        ok(http.send("POST", "/api/v1/collections", "{\"name\":\"vault\",\"fields\":[{\"name\":\"token\",\"type\":\"text\","
                + "\"encrypted\":true},{\"name\":\"label\",\"type\":\"text\"}],\"list_rule\":\"\",\"view_rule\":\"\",\"create_rule\":\"\","
                + "\"update_rule\":\"\",\"delete_rule\":\"\"}", root), 201);
        awaitStatus("/api/v1/records/vault", root, 200);
        JsonNode record = ok(http.send("POST", "/api/v1/records/vault", "{\"account_id\":\"" + acme + "\",\"token\":\"" + PLAINTEXT
                + "\",\"label\":\"x\"}", root), 201);
        assertThat(record.get("token").asText()).isEqualTo("••••••••");
        String id = record.get("id").asText();

        String scoped = "\"scopes\":[\"records:secrets:read\"]";
        String acmeKey = ok(http.send("POST", "/api/v1/admin/api-keys", "{\"name\":\"acme vault\",\"account_id\":\"" + acme + "\","
                + scoped + "}", root), 201).get("key").asText();
        String betaKey = ok(http.send("POST", "/api/v1/admin/api-keys", "{\"name\":\"beta vault\",\"account_id\":\"" + beta + "\","
                + scoped + "}", root), 201).get("key").asText();

        HttpResponse<String> revealed = http.get("/api/v1/records/vault/" + id + "/secrets", Map.of("X-API-Key", acmeKey));
        assertThat(ok(revealed, 200).get("data").get("token").asText()).isEqualTo(PLAINTEXT);
        assertThat(revealed.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> bearer = http.get("/api/v1/records/vault/" + id + "/secrets?fields=token", Http.bearer(acmeKey));
        assertThat(ok(bearer, 200).get("data").get("token").asText()).isEqualTo(PLAINTEXT);

        // another tenant's key, even naming the record's account, and the superadmin's own session
        HttpResponse<String> other = http.get("/api/v1/records/vault/" + id + "/secrets", Map.of("X-API-Key", betaKey, "X-Account-ID", acme));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(PLAINTEXT);
        HttpResponse<String> superadmin = http.get("/api/v1/records/vault/" + id + "/secrets", root);
        assertThat(superadmin.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(superadmin.body()).get("detail").isTextual()).isTrue();

        assertThat(instance.output()).as("console output").doesNotContain(PLAINTEXT).contains("DEBUG");
        try (Stream<Path> files = Files.walk(home.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(PLAINTEXT);
            }
        }
    }

    /** Polls until a route answers, while the records bundle's resources are still being registered. */
    private static void awaitStatus(String path, Map<String, String> headers, int status) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.get(path, headers).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(last).as(path).isEqualTo(status);
    }
}
