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
 * Authentication on the assembled instance as a process: the superadmin from the environment, the
 * wire details the SDK depends on (401 challenge, string details, 429 with Retry-After), sessions
 * that survive a restart (the generated signing secret is kept), {@code create-superadmin}, and a
 * weak configured secret refused at start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthProcessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "root@process.example.com";
    private static final String ROOT_PASSWORD = "Pr0cess!Sup3radmin";
    private static final String PASSWORD = "Us3r!Passw0rd-ok";

    @TempDir
    static Path work;

    private static Path home;
    private static int port;
    private static Http http;
    private static InstanceProcess instance;

    @BeforeAll
    static void start() throws Exception {
        home = InstanceProcess.copyInstance(work.resolve("snackbase"));
        port = InstanceLayout.freePort();
        http = new Http(port);
        instance = startAndAwaitAuth();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.kill();
        }
    }

    private static InstanceProcess startAndAwaitAuth() throws Exception {
        InstanceProcess started = InstanceProcess.start(home, Map.of("SNACKBASE_PORT", Integer.toString(port),
                "SNACKBASE_SUPERADMIN_EMAIL", ROOT, "SNACKBASE_SUPERADMIN_PASSWORD", ROOT_PASSWORD));
        int status = http.awaitStatus("/api/v1/auth/me", 401, TIMEOUT);
        assertThat(status).as("auth routes within %s; output:%n%s", TIMEOUT, started.output()).isEqualTo(401);
        return started;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void missingCredentialsAre401WithAChallengeAndAStringDetail() throws Exception {
        HttpResponse<String> me = http.get("/api/v1/auth/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(json(me).get("detail").isTextual()).isTrue();
        HttpResponse<String> forged = http.get("/api/v1/auth/me", Http.bearer("eyJhbGciOiJIUzI1NiJ9.e30.forged"));
        assertThat(json(forged).get("detail").asText()).isEqualTo("Invalid token");
    }

    @Test
    @Order(2)
    void theSuperadminFromTheEnvironmentLogsIntoTheSystemAccount() throws Exception {
        String token = http.login("SY0000", ROOT, ROOT_PASSWORD);
        JsonNode me = json(http.get("/api/v1/auth/me", Http.bearer(token)));
        assertThat(me.get("account_id").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(me.get("account").get("slug").asText()).isEqualTo("system");
        assertThat(http.get("/api/v1/admin/runtime", Http.bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theAuditLogIsOnAndSuperadminOnlyWithAndWithoutTheTrailingSlash() throws Exception {
        assertThat(json(http.get("/health")).get("audit_logging_enabled").asBoolean()).isTrue();
        String token = http.login("SY0000", ROOT, ROOT_PASSWORD);
        for (String path : new String[] {"/api/v1/audit-logs", "/api/v1/audit-logs/"}) {
            HttpResponse<String> list = http.get(path, Http.bearer(token));
            assertThat(list.statusCode()).as(path + ": " + list.body()).isEqualTo(200);
            assertThat(json(list).get("audit_logging_enabled").asBoolean()).isTrue();
            assertThat(http.get(path).statusCode()).isEqualTo(401);
        }
        JsonNode verify = json(http.get("/api/v1/audit-logs/verify", Http.bearer(token)));
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        HttpResponse<String> csv = http.get("/api/v1/audit-logs/export?format=csv", Http.bearer(token));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("ID,Timestamp,Operation,Table");
    }

    @Test
    @Order(3)
    void malformedAndMistypedBodiesAre422NamingTheField() throws Exception {
        HttpResponse<String> broken = http.postJson("/api/v1/auth/login", "{\"account\": ");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(json(broken).get("field").asText()).isEqualTo("body");
        HttpResponse<String> mistyped = http.postJson("/api/v1/auth/login", "{\"account\":\"x\",\"email\":42,\"password\":\"p\"}");
        assertThat(mistyped.statusCode()).isEqualTo(422);
        assertThat(json(mistyped).get("field").asText()).isEqualTo("email");
        HttpResponse<String> noAccount = http.postJson("/api/v1/auth/login", "{\"email\":\"a@b.io\",\"password\":\"p\"}");
        assertThat(noAccount.statusCode()).isEqualTo(400);
        assertThat(json(noAccount).get("details").get(0).get("code").asText()).isEqualTo("required");
    }

    @Test
    @Order(4)
    void registerThenATenantAdminIsNotASuperadmin() throws Exception {
        HttpResponse<String> created = http.postJson("/api/v1/auth/register",
                "{\"email\":\"tenant@process.example.com\",\"password\":\"" + PASSWORD + "\",\"account_name\":\"Process Tenant\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).has("token")).isFalse();
        String userId = json(created).get("user").get("id").asText();
        String root = http.login("system", ROOT, ROOT_PASSWORD);
        HttpResponse<String> verified = http.send("POST", "/api/v1/users/" + userId + "/verify", "{}", Http.bearer(root));
        if (verified.statusCode() == 404) {
            // until the users admin routes exist, verify through the link the log transport printed
            String log = instance.output();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]{43})").matcher(log);
            String token = null;
            while (link.find()) {
                token = link.group(1);
            }
            assertThat(token).as("verification link in the log:%n%s", log).isNotNull();
            assertThat(http.postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(200);
        } else {
            assertThat(verified.statusCode()).isEqualTo(200);
        }
        String tenant = http.login("process-tenant", "tenant@process.example.com", PASSWORD);
        HttpResponse<String> runtime = http.get("/api/v1/admin/runtime", Http.bearer(tenant));
        assertThat(runtime.statusCode()).isEqualTo(403);
        assertThat(json(runtime).get("detail").asText()).isEqualTo("Superadmin access required");
    }

    @Test
    @Order(5)
    void repeatedFailuresAre429WithRetryAfter() throws Exception {
        String body = "{\"account\":\"process-tenant\",\"email\":\"tenant@process.example.com\",\"password\":\"Wr0ng!guess-xx\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(http.postJson("/api/v1/auth/login", body).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = http.postJson("/api/v1/auth/login", body);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 900));
        assertThat(json(locked).get("retryAfter").asInt()).isPositive();
    }

    @Test
    @Order(6)
    void aSessionSurvivesARestartAndCreateSuperadminAddsAnother() throws Exception {
        String token = http.login("system", ROOT, ROOT_PASSWORD);
        assertThat(instance.terminate(TIMEOUT)).isZero();

        InstanceProcess command = InstanceProcess.start(home, Map.of("SNACKBASE_SUPERADMIN_PASSWORD", "Cl1!Sup3radmin-two"),
                "create-superadmin", "--email", "second@process.example.com");
        assertThat(command.awaitExit(Duration.ofSeconds(120))).as(command.output()).isZero();
        assertThat(command.output()).contains("created: superadmin second@process.example.com");
        InstanceProcess again = InstanceProcess.start(home, Map.of(), "create-superadmin", "--email", "second@process.example.com",
                "--password", "Cl1!Sup3radmin-two");
        assertThat(again.awaitExit(Duration.ofSeconds(120))).as(again.output()).isZero();
        assertThat(again.output()).contains("already exists");
        InstanceProcess weak = InstanceProcess.start(home, Map.of(), "create-superadmin", "--email", "weak@process.example.com",
                "--password", "weak");
        assertThat(weak.awaitExit(Duration.ofSeconds(120))).as(weak.output()).isEqualTo(2);
        assertThat(weak.output()).contains("error: Password must be at least 12 characters long");
        InstanceProcess verify = InstanceProcess.start(home, Map.of(), "audit", "verify");
        assertThat(verify.awaitExit(Duration.ofSeconds(120))).as(verify.output()).isZero();
        assertThat(verify.output()).contains("\"valid\": true");

        instance = startAndAwaitAuth();
        assertThat(http.get("/api/v1/auth/me", Http.bearer(token)).statusCode()).as("token signed before the restart").isEqualTo(200);
        http.login("system", "second@process.example.com", "Cl1!Sup3radmin-two");
    }

    @Test
    @Order(7)
    void aWeakConfiguredSecretStopsTheInstanceWithExitCodeTwo() throws Exception {
        assertThat(instance.terminate(TIMEOUT)).isZero();
        instance = null;
        InstanceProcess weak = InstanceProcess.start(home, Map.of("SNACKBASE_PORT", Integer.toString(port), "SNACKBASE_SECRET_KEY", "changeme"));
        assertThat(weak.awaitExit(TIMEOUT)).as(weak.output()).isEqualTo(2);
        assertThat(weak.output()).contains("snackbase: The token signing secret is a well-known default");
    }
}
