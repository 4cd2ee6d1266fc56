package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static io.snackbase.auth.internal.AuthFixture.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.mail.MailTemplates;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.auth.internal.store.UserRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Registration on every database: account, code, slug, admin user, pii_access group, verification mail, errors. */
@SuppressWarnings("unchecked")
class RegistrationTest {

    private AuthFixture fx;

    static List<DatabaseKind> kinds() {
        return AuthFixture.kinds();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createsAccountAdminGroupAndSendsVerification(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        Map<String, Object> body = fx.auth.registration.register("Ann@Example.com", STRONG_PASSWORD, "Account 123_x", null, anonymous());

        Map<String, Object> account = (Map<String, Object>) body.get("account");
        Map<String, Object> user = (Map<String, Object>) body.get("user");
        assertThat(body.get("message")).isEqualTo("Registration successful. Please check your email to verify your account.");
        assertThat(account).containsEntry("slug", "account-123-x").containsEntry("account_code", "AA0001");
        assertThat(user).containsEntry("email", "ann@example.com").containsEntry("role", "admin")
                .containsEntry("email_verified", false).containsEntry("account_id", account.get("id"));
        assertThat(user.get("groups")).isEqualTo(List.of("pii_access"));
        assertThat(body).doesNotContainKeys("token", "refresh_token");
        assertThat(fx.mail.lastToken(MailTemplates.EMAIL_VERIFICATION, "ann@example.com")).hasSize(43);

        Map<String, Object> second = fx.auth.registration.register("bob@example.com", STRONG_PASSWORD, "Second", "second-co", anonymous());
        assertThat((Map<String, Object>) second.get("account")).containsEntry("account_code", "AA0002").containsEntry("slug", "second-co");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aTakenSlugIs409AndWritesNothing(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.auth.registration.register("a@example.com", STRONG_PASSWORD, "Acme", null, anonymous());
        assertThatThrownBy(() -> fx.auth.registration.register("b@example.com", STRONG_PASSWORD, "Other", "acme", anonymous()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("An account with this slug already exists");
                    assertThat(e.extras()).containsEntry("field", "account_slug");
                });
        assertThat(fx.auth.store.accounts.count(null)).isEqualTo(2); // system + acme
        assertThat(fx.auth.store.users.count(null, null, null, "b@example.com")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theSameEmailMayRegisterInSeveralAccounts(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.auth.registration.register("same@example.com", STRONG_PASSWORD, "First", null, anonymous());
        fx.auth.registration.register("same@example.com", "An0ther!Passw0rd", "Second", null, anonymous());
        assertThat(fx.auth.store.users.count(null, null, null, "same@example.com")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void registrationSucceedsWhenMailFails(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.mail.failing = true;
        Map<String, Object> body = fx.auth.registration.register("m@example.com", STRONG_PASSWORD, "Mailless", null, anonymous());
        assertThat(body).containsKey("user");
        UserRow user = fx.auth.store.users.findByEmail(fx.auth.store.accounts.findBySlug("mailless").id, "m@example.com");
        assertThat(user.emailVerified).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyPasswordProblemIsListedAtOnce(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        assertThatThrownBy(() -> fx.auth.registration.register("p@example.com", "short", "Acme", null, anonymous()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("Validation error");
                    assertThat((List<?>) e.extras().get("details")).extracting("code")
                            .containsExactly("password_too_short", "password_no_uppercase", "password_no_digit", "password_no_special");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void badInputIsNamed(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        assertStatus(() -> fx.auth.registration.register("not-an-email", STRONG_PASSWORD, "Acme", null, anonymous()), 422, "value is not a valid email address");
        assertStatus(() -> fx.auth.registration.register(null, STRONG_PASSWORD, "Acme", null, anonymous()), 422, "Field required");
        assertStatus(() -> fx.auth.registration.register("x@example.com", STRONG_PASSWORD, " ", null, anonymous()), 400, "Account name is required");
        assertStatus(() -> fx.auth.registration.register("x@example.com", STRONG_PASSWORD, "Acme", "1abc", anonymous()), 400, "Slug must start with a letter");
        assertStatus(() -> fx.auth.registration.register("x@example.com", STRONG_PASSWORD, "Acme", "ab", anonymous()), 400, "Slug must be at least 3 characters");
        assertStatus(() -> fx.auth.registration.register("x@example.com", STRONG_PASSWORD, "Acme", "a_b_c", anonymous()), 400,
                "Slug may contain only lowercase letters, digits and hyphens");
        assertThat(fx.auth.store.accounts.count(null)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentRegistrationsGetDistinctCodesAndOneSlugWinner(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < writers; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return fx.auth.registration.register("u" + n + "@example.com", STRONG_PASSWORD, "Company " + n, null, anonymous());
            }));
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return fx.auth.registration.register("c" + n + "@example.com", STRONG_PASSWORD, "Contested", null, anonymous());
                } catch (ApiException e) {
                    return e.status();
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new java.util.ArrayList<>();
        for (var result : results) {
            outcomes.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o instanceof Integer).hasSize(writers - 1).allMatch(o -> o.equals(409));
        assertThat(outcomes).filteredOn(o -> o instanceof Map).extracting(o -> ((Map<String, Map<String, Object>>) o).get("account").get("account_code"))
                .hasSize(writers + 1).doesNotHaveDuplicates();
        assertThat(fx.auth.store.accounts.count(null)).isEqualTo(writers + 2);
    }

    static void assertStatus(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
