package io.snackbase.audit.internal.rest;

import static io.snackbase.audit.internal.AuditFixture.ROOT;
import static io.snackbase.audit.internal.AuditFixture.TABLE;
import static io.snackbase.audit.internal.AuditFixture.TENANT_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.AuditFixture;
import io.snackbase.audit.internal.AuditSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /audit-logs} on every database: the contract's bodies, filters, export formats, verification and refusals. */
class AuditLogsResourceTest {

    static List<DatabaseKind> kinds() {
        return AuditFixture.kinds();
    }

    private AuditFixture f;
    private AuditLogsResource resource;
    private final ContainerRequestContext root = FakeRequests.as(ROOT, Map.of());

    private void setUp(DatabaseKind kind, AuditSettings settings) throws Exception {
        f = AuditFixture.open(kind, settings);
        resource = new AuditLogsResource(f.audit, Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC));
        f.create("r1", "Hello, \"world\"\nline 2", 1, TENANT_ADMIN);
        f.update("r1", "Hello, \"world\"\nline 2", 1, "Café", 2, ROOT);
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private Map<String, Object> list(Map<String, String> q) {
        return resource.list(q.get("account_id"), q.get("table_name"), q.get("record_id"), q.get("user_id"), q.get("operation"),
                q.get("from_date"), q.get("to_date"), q.get("skip"), q.get("limit"), q.get("sort_by"), q.get("sort_order"), root);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("items");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listsNewestFirstWithFiltersAndPaging(DatabaseKind kind) throws Exception {
        setUp(kind, AuditSettings.defaults());
        Map<String, Object> all = list(Map.of());
        assertThat(all).containsEntry("total", 5L).containsEntry("skip", 0).containsEntry("limit", 50)
                .containsEntry("audit_logging_enabled", true);
        // the update's two entries share the newer occurred_at; ties by id desc
        assertThat(items(all)).extracting(m -> m.get("id")).containsExactly(5L, 4L, 3L, 2L, 1L);
        Map<String, Object> first = items(all).get(4);
        assertThat(first).containsOnlyKeys("id", "account_id", "operation", "table_name", "record_id", "column_name",
                "old_value", "new_value", "user_id", "user_email", "user_name", "es_username", "es_reason", "es_timestamp",
                "ip_address", "user_agent", "request_id", "occurred_at", "checksum", "previous_hash", "extra_metadata");
        assertThat(first).containsEntry("operation", "CREATE").containsEntry("column_name", "id")
                .containsEntry("previous_hash", null).containsEntry("extra_metadata", Map.of("auth_method", "jwt"));
        assertThat((String) first.get("occurred_at")).endsWith("+00:00");

        assertThat(items(list(Map.of("operation", "update")))).extracting(m -> m.get("column_name")).containsExactly("views", "title");
        assertThat(list(Map.of("user_id", TENANT_ADMIN.userId()))).containsEntry("total", 3L);
        assertThat(list(Map.of("record_id", "r1", "table_name", TABLE))).containsEntry("total", 5L);
        assertThat(list(Map.of("table_name", "users"))).containsEntry("total", 0L);
        assertThat(list(Map.of("from_date", "2000-01-01T00:00:00Z", "to_date", "2999-01-01"))).containsEntry("total", 5L);
        assertThat(list(Map.of("to_date", "2000-01-01T00:00:00"))).containsEntry("total", 0L);
        assertThat(items(list(Map.of("sort_by", "id", "sort_order", "ASC", "skip", "1", "limit", "2"))))
                .extracting(m -> m.get("id")).containsExactly(2L, 3L);
        assertThat(items(list(Map.of("sort_by", "nope; DROP TABLE audit_log")))).hasSize(5);

        assertInvalid(() -> list(Map.of("limit", "501")), "limit");
        assertInvalid(() -> list(Map.of("limit", "0")), "limit");
        assertInvalid(() -> list(Map.of("skip", "-1")), "skip");
        assertInvalid(() -> list(Map.of("sort_order", "up")), "sort_order");
        assertInvalid(() -> list(Map.of("operation", "READ")), "operation");
        assertInvalid(() -> list(Map.of("from_date", "yesterday")), "from_date");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void getsOneEntry(DatabaseKind kind) throws Exception {
        setUp(kind, AuditSettings.defaults());
        assertThat(resource.get("4", root)).containsEntry("id", 4L).containsEntry("new_value", "Café")
                .containsEntry("old_value", "Hello, \"world\"\nline 2");
        assertFails(() -> resource.get("99", root), 404, "Audit log entry 99 not found");
        assertInvalid(() -> resource.get("abc", root), "log_id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void exportsCsvAndJsonNewestFirstUpToTheCap(DatabaseKind kind) throws Exception {
        setUp(kind, new AuditSettings(true, 4, 1_000));
        Response csv = resource.export("csv", null, null, null, null, null, null, null, root);
        assertThat(csv.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=audit_logs_20260203_040506.csv");
        assertThat(csv.getMediaType().toString()).isEqualTo("text/csv;charset=utf-8");
        String text = body(csv);
        String[] lines = text.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("ID,Timestamp,Operation,Table,Record ID,Column,Old Value,New Value,User,IP Address,Checksum");
        assertThat(lines[1]).startsWith("5,").contains(",UPDATE,audit_test_rows,r1,views,1,2,root@example.com,10.0.0.1,");
        assertThat(text).contains(",title,\"Hello, \"\"world\"\"\nline 2\",Café,root@example.com,");
        assertThat(text.split("\r\n")).hasSize(1 + 4);

        Response json = resource.export("json", null, null, null, null, "CREATE", null, null, root);
        assertThat(json.getHeaderString("Content-Disposition")).endsWith(".json");
        String array = body(json);
        assertThat(array).startsWith("[\n  {\n    \"id\": 3,\n    \"occurred_at\": \"").endsWith("\n  }\n]")
                .contains("\"new_value\": \"Hello, \\\"world\\\"\\nline 2\"", "\"user_email\": \"admin@acme.io\"");
        List<Map<String, Object>> parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(array,
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0)).containsOnlyKeys("id", "occurred_at", "operation", "table_name", "record_id",
                "column_name", "old_value", "new_value", "user_email", "ip_address", "checksum");
        assertThat(body(resource.export("json", null, "users", null, null, null, null, null, root))).isEqualTo("[]");

        assertFails(() -> resource.export("pdf", null, null, null, null, null, null, null, root), 400, "pdf export is not available");
        assertInvalid(() -> resource.export("xml", null, null, null, null, null, null, null, root), "format");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void verifiesTheChain(DatabaseKind kind) throws Exception {
        setUp(kind, new AuditSettings(true, 10_000, 2));
        assertThat(resource.verify(null, root)).containsEntry("valid", true).containsEntry("checked", 5L)
                .containsEntry("first_broken", null);
        assertThat(resource.verify("3", root)).containsEntry("checked", 3L);
        f.dropTriggers();
        f.sql("UPDATE audit_log SET old_value = 'x' WHERE id = 4");
        assertThat(resource.verify(null, root)).containsEntry("valid", false)
                .containsEntry("first_broken", Map.of("id", 4L, "reason", "checksum_mismatch"));
        assertInvalid(() -> resource.verify("0", root), "from_id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void onlySuperadminsRead(DatabaseKind kind) throws Exception {
        setUp(kind, AuditSettings.defaults());
        for (ContainerRequestContext caller : List.of(FakeRequests.as(TENANT_ADMIN, Map.of()), FakeRequests.anonymous())) {
            int status = caller == root ? 200 : FakeRequestsStatus.of(caller);
            String message = status == 403 ? "Superadmin access required" : "Missing authentication credentials";
            assertFails(() -> resource.list(null, null, null, null, null, null, null, null, null, null, null, caller), status, message);
            assertFails(() -> resource.get("1", caller), status, message);
            assertFails(() -> resource.export("csv", null, null, null, null, null, null, null, caller), status, message);
            assertFails(() -> resource.verify(null, caller), status, message);
        }
    }

    /** 403 for an authenticated non-superadmin, 401 for an anonymous caller. */
    private static final class FakeRequestsStatus {
        static int of(ContainerRequestContext caller) {
            return caller.getProperty(io.snackbase.api.auth.RequestAuthentication.PROPERTY)
                    instanceof io.snackbase.api.auth.RequestAuthentication a && a.isAuthenticated() ? 403 : 401;
        }
    }

    private static String body(Response response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertFails(ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.extras()).containsEntry("field", field);
        });
    }
}
