package io.snackbase.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 random and mutated filter strings through {@code GET /api/v1/records/orders?filter=} of the
 * assembled instance, as a tenant user under a row rule, on SQLite and on PostgreSQL: every answer is
 * a 200 or a 4xx in the contract's envelope, never a 5xx, and the instance logs no SQL error.
 */
class FilterFuzzIT {

    private static final int CASES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "root@fuzz.example.com";
    private static final String PASSWORD = "Fuzz!Sup3r-admin";
    private static final String POSTGRES = System.getenv().getOrDefault("SNACKBASE_TEST_POSTGRES_ADMIN_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void noFilterEverCausesA5xxOrAnSqlError(String database) throws Exception {
        Path home = InstanceProcess.copyInstance(work.resolve("snackbase"));
        int port = InstanceLayout.freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of("SNACKBASE_PORT", Integer.toString(port),
                "SNACKBASE_SUPERADMIN_EMAIL", ROOT, "SNACKBASE_SUPERADMIN_PASSWORD", PASSWORD));
        if (database.equals("postgresql")) {
            env.put("SNACKBASE_DB_URL", freshPostgresDatabase("snackbase_fuzz_it"));
        }
        InstanceProcess instance = InstanceProcess.start(home, env);
        try {
            Http http = new Http(port);
            assertThat(http.awaitStatus("/api/v1/auth/me", 401, Duration.ofSeconds(60))).as(instance.output()).isEqualTo(401);
            // the auth and records bundles register their routes independently: wait for both
            assertThat(http.awaitStatus("/api/v1/collections", 401, Duration.ofSeconds(30))).as(instance.output()).isEqualTo(401);
            String tenant = tenantToken(http);
            List<String> filters = filters(new Random(20261202L));
            int ok = 0;
            int rejected = 0;
            for (String filter : filters) {
                HttpResponse<String> answer = http.get("/api/v1/records/orders?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                        Http.bearer(tenant));
                if (answer.statusCode() >= 500) {
                    throw new AssertionError("filter " + filter + " -> " + answer.statusCode() + " " + answer.body()
                            + "\ninstance log:\n" + tail(logs(home), 8000));
                }
                if (answer.statusCode() == 200) {
                    ok++;
                } else {
                    assertThat(answer.statusCode()).as(filter).isIn(400, 422);
                    assertThat(JSON.readTree(answer.body()).get("detail").isTextual()).as(answer.body()).isTrue();
                    rejected++;
                }
            }
            System.out.printf("FilterFuzzIT %s: %d filters, %d answered 200, %d refused with 4xx%n", database, filters.size(), ok, rejected);
            assertThat(ok).as("some filters are valid").isGreaterThan(100);
            assertThat(rejected).as("most mutations are not").isGreaterThan(1000);
            String logs = logs(home) + instance.output();
            assertThat(logs).doesNotContain("SQLException").doesNotContain("PSQLException").doesNotContain("SQLITE_ERROR")
                    .doesNotContain("Internal server error");
        } finally {
            instance.terminate(Duration.ofSeconds(30));
        }
    }

    private static String tenantToken(Http http) throws Exception {
        String root = http.login("system", ROOT, PASSWORD);
        String collection = "{\"name\":\"orders\",\"fields\":[{\"name\":\"customer\",\"type\":\"text\"},{\"name\":\"status\",\"type\":\"text\"},"
                + "{\"name\":\"total\",\"type\":\"number\"},{\"name\":\"quantity\",\"type\":\"number\"},{\"name\":\"paid_at\",\"type\":\"datetime\"},"
                + "{\"name\":\"vip\",\"type\":\"boolean\"}],\"list_rule\":\"created_by = @request.auth.id || status = \\\"public\\\"\","
                + "\"create_rule\":\"@request.auth.id != \\\"\\\"\"}";
        assertThat(http.send("POST", "/api/v1/collections", collection, Http.bearer(root)).statusCode()).isEqualTo(201);
        HttpResponse<String> registered = http.postJson("/api/v1/auth/register",
                "{\"email\":\"tenant@fuzz.example.com\",\"password\":\"" + PASSWORD + "\",\"account_name\":\"Fuzz Tenant\"}");
        String userId = JSON.readTree(registered.body()).get("user").get("id").asText();
        assertThat(http.send("POST", "/api/v1/users/" + userId + "/verify", "{}", Http.bearer(root)).statusCode()).isEqualTo(200);
        String tenant = http.login("fuzz-tenant", "tenant@fuzz.example.com", PASSWORD);
        String[] statuses = {"paid", "open", "void", "public"};
        for (int i = 0; i < 40; i++) {
            String body = "{\"customer\":\"c" + i + "\",\"status\":\"" + statuses[i % 4] + "\",\"total\":" + (i * 12.5)
                    + ",\"quantity\":" + i + ",\"vip\":" + (i % 3 == 0) + (i % 5 == 0 ? "" : ",\"paid_at\":\"2026-0" + (1 + i % 9) + "-01T10:00:00Z\"") + "}";
            HttpResponse<String> created = http.send("POST", "/api/v1/records/orders", body, Http.bearer(tenant));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        return tenant;
    }

    /** Valid filters, their mutations, and random token soup, from one seed. */
    static List<String> filters(Random random) {
        String[] valid = {
            "status = \"paid\"", "total > 100", "status = \"paid\" && total > 100", "(total >= 10 || quantity < 3) && vip = true",
            "customer ~ \"c1\"", "status IN (\"paid\", \"open\")", "paid_at IS NULL", "paid_at IS NOT NULL", "paid_at > \"2026-03-01T00:00:00Z\"",
            "!(status = \"void\")", "total * 2 > quantity + 5", "created_at < \"2099-01-01T00:00:00Z\"", "id != \"x\"", "status = null",
            "account_id = \"00000000-0000-0000-0000-000000000000\"", "total % 2 = 0", "quantity / 2 >= 3", "-total < 0",
        };
        String[] tokens = {"status", "total", "quantity", "vip", "paid_at", "customer", "id", "created_by", "=", "!=", "<", ">", "<=", ">=", "~",
            "&&", "||", "!", "(", ")", ",", "IN", "IS", "NOT", "NULL", "TRUE", "FALSE", "AND", "OR", "\"paid\"", "'x'", "12", "1.5", "-",
            "+", "*", "/", "%", "@request.auth.id", "@owns_record()", ";", "--", "'; DROP TABLE col_orders; --", "\\", "\"", "==", "&", "|",
            "nope", "1e9", "9999999999999999999999", "\u00e9", "\u0000", "%", "_"};
        List<String> out = new ArrayList<>();
        for (String v : valid) {
            out.add(v);
        }
        while (out.size() < CASES) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                StringBuilder soup = new StringBuilder();
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    soup.append(tokens[random.nextInt(tokens.length)]).append(random.nextBoolean() ? " " : "");
                }
                out.add(soup.toString());
            } else {
                out.add(mutate(valid[random.nextInt(valid.length)], random, tokens));
            }
        }
        return out;
    }

    private static String mutate(String filter, Random random, String[] tokens) {
        StringBuilder s = new StringBuilder(filter);
        for (int n = 1 + random.nextInt(3); n > 0 && s.length() > 0; n--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, tokens[random.nextInt(tokens.length)]);
                case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> s.insert(at, s.substring(0, Math.min(s.length(), 1 + random.nextInt(12))));
            }
        }
        return s.toString();
    }

    static String freshPostgresDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return POSTGRES.replaceFirst("/postgres\\?", "/" + name + "?");
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    private static String logs(Path home) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
