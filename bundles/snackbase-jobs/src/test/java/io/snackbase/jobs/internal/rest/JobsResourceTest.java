package io.snackbase.jobs.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.jobs.internal.JobsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /admin/jobs} on every database: the contract's bodies, filters, paging, refusals and state rules. */
class JobsResourceTest {

    private static final Principal ROOT = new Principal("11111111-1111-4111-8111-111111111111", "root@example.com",
            Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt");
    private static final Principal TENANT_ADMIN = new Principal("22222222-2222-4222-8222-222222222222", "admin@acme.io",
            "33333333-3333-4333-8333-333333333333", "admin", "jwt");

    static List<DatabaseKind> kinds() {
        return JobsFixture.kinds();
    }

    private JobsFixture f;
    private JobsResource resource;
    private final Map<String, String> ids = new HashMap<>();
    private final ContainerRequestContext root = as(RequestAuthentication.authenticated(ROOT, "r", "127.0.0.1", "junit"));

    private void setUp(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        resource = new JobsResource(f.adminWithJobsInEveryStatus(ids));
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("items");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listsNewestFirstWithFiltersAndPaging(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> all = resource.list(null, null, null, null, null, root);
        assertThat(all).containsOnlyKeys("items", "total").containsEntry("total", 4L);
        assertThat(items(all)).extracting(m -> m.get("id"))
                .containsExactly(ids.get("wait"), ids.get("retry"), ids.get("dead"), ids.get("done"));
        Map<String, Object> dead = items(all).get(2);
        assertThat(dead).containsEntry("handler", "test.admin").containsEntry("status", "dead")
                .containsEntry("queue", "default").containsEntry("payload", Map.of("n", "dead"))
                .containsEntry("error_message", "boom").containsEntry("attempt_number", 1)
                .containsEntry("max_retries", 0).containsEntry("retry_delay_seconds", 1).containsEntry("priority", 0);
        assertThat((String) dead.get("failed_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(dead).containsKeys("run_at", "started_at", "completed_at", "created_at", "created_by", "account_id");

        assertThat(items(resource.list("retrying", null, null, null, null, root))).extracting(m -> m.get("id"))
                .containsExactly(ids.get("retry"));
        assertThat(items(resource.list(null, "mail", null, null, null, root))).extracting(m -> m.get("id"))
                .containsExactly(ids.get("wait"));
        assertThat(resource.list(null, null, "other.topic", null, null, root)).containsEntry("total", 0L);
        Map<String, Object> page = resource.list(null, null, "test.admin", "2", "1", root);
        assertThat(page).containsEntry("total", 4L);
        assertThat(items(page)).extracting(m -> m.get("id")).containsExactly(ids.get("retry"), ids.get("dead"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void badQueryParametersAre422NamingTheParameter(DatabaseKind kind) throws Exception {
        setUp(kind);
        expect(() -> resource.list(null, null, null, "0", null, root), 422, "Input should be greater than or equal to 1");
        expect(() -> resource.list(null, null, null, "201", null, root), 422, "Input should be less than or equal to 200");
        expect(() -> resource.list(null, null, null, "ten", null, root), 422, "Input should be a valid integer");
        expect(() -> resource.list(null, null, null, null, "-1", root), 422, "greater than or equal to 0");
        expect(() -> resource.list("sleeping", null, null, null, null, root), 422, "Input should be 'pending'");
        ApiException e = catchApi(() -> resource.list(null, null, null, null, "x", root));
        assertThat(e.extras()).containsEntry("field", "offset");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void statsCountEveryStatusAndTheFailureRate(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> stats = resource.stats(root);
        assertThat(stats).containsExactly(Map.entry("pending", 1L), Map.entry("running", 0L), Map.entry("completed", 1L),
                Map.entry("failed", 0L), Map.entry("retrying", 1L), Map.entry("dead", 1L),
                Map.entry("avg_duration_seconds", stats.get("avg_duration_seconds")), Map.entry("failure_rate", 0.5));
        assertThat((Double) stats.get("avg_duration_seconds")).isGreaterThanOrEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void getRetryAndCancelFollowTheStatusRules(DatabaseKind kind) throws Exception {
        setUp(kind);
        String unknown = "00000000-0000-4000-8000-000000000000";
        assertThat(resource.get(ids.get("done"), root)).containsEntry("status", "completed");
        expect(() -> resource.get(unknown, root), 404, "Job " + unknown + " not found");

        expect(() -> resource.retry(ids.get("wait"), root), 400,
                "Job is in status 'pending'; only dead, failed or retrying jobs can be retried");
        expect(() -> resource.retry(ids.get("done"), root), 400, "Job is in status 'completed'");
        expect(() -> resource.retry(unknown, root), 404, "Job " + unknown + " not found");
        Map<String, Object> retried = resource.retry(ids.get("dead"), root);
        assertThat(retried).containsEntry("status", "pending").containsEntry("attempt_number", 0)
                .containsEntry("error_message", null).containsEntry("failed_at", null);
        assertThat(resource.retry(ids.get("retry"), root)).containsEntry("status", "pending");

        expect(() -> resource.cancel(ids.get("done"), root), 400,
                "Job is in status 'completed'; only pending jobs can be cancelled");
        expect(() -> resource.cancel(unknown, root), 404, "Job " + unknown + " not found");
        assertThat(resource.cancel(ids.get("wait"), root).getStatus()).isEqualTo(204);
        expect(() -> resource.get(ids.get("wait"), root), 404, "not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void onlyASuperadminMayUseAnyRouteAndNothingChangesOtherwise(DatabaseKind kind) throws Exception {
        setUp(kind);
        ContainerRequestContext tenant = as(RequestAuthentication.authenticated(TENANT_ADMIN, "r", "127.0.0.1", "junit"));
        ContainerRequestContext anonymous = as(RequestAuthentication.anonymous(null, null, "r", "127.0.0.1", "junit"));
        for (ContainerRequestContext who : List.of(tenant, anonymous)) {
            int status = who == tenant ? 403 : 401;
            expect(() -> resource.list(null, null, null, null, null, who), status, "");
            expect(() -> resource.stats(who), status, "");
            expect(() -> resource.get(ids.get("dead"), who), status, "");
            expect(() -> resource.retry(ids.get("dead"), who), status, "");
            expect(() -> resource.cancel(ids.get("wait"), who), status, "");
        }
        assertThat(resource.get(ids.get("dead"), root)).containsEntry("status", "dead");
        assertThat(resource.get(ids.get("wait"), root)).containsEntry("status", "pending");
    }

    private static void expect(ThrowingCallable call, int status, String message) {
        ApiException e = catchApi(call);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).contains(message);
    }

    private static ApiException catchApi(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    /** A request as the authentication filter leaves it, for calling resource methods directly. */
    private static ContainerRequestContext as(RequestAuthentication auth) {
        return (ContainerRequestContext) Proxy.newProxyInstance(JobsResourceTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
