package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static io.snackbase.auth.internal.AuthFixture.anonymous;
import static io.snackbase.auth.internal.service.RegistrationTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.auth.internal.store.UserRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Login by slug, code or id; identical failures; unverified email; wrong method; the brute-force lock. */
class LoginTest {

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

    private Map<String, Object> login(String account, String email, String password) {
        return fx.auth.login.login(account, email, password, "10.0.0.1", anonymous());
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void logsInBySlugCodeOrIdAndUpdatesLastLogin(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow admin = fx.verifiedAdmin("Acme Corp", "ann@example.com");
        for (String account : List.of("acme-corp", "ACME-CORP", "AA0001", "aa0001", admin.accountId)) {
            Map<String, Object> body = login(account, "Ann@Example.com", STRONG_PASSWORD);
            assertThat(body).containsKeys("token", "refresh_token").containsEntry("expires_in", 3600L);
            assertThat((Map<String, Object>) body.get("account")).containsEntry("slug", "acme-corp").containsEntry("account_code", "AA0001");
            assertThat((Map<String, Object>) body.get("user")).containsEntry("account_id", admin.accountId);
        }
        assertThat(fx.auth.store.users.findById(admin.id).lastLogin).isEqualTo(fx.clock.millis());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyFailureLooksTheSame(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow admin = fx.verifiedAdmin("Acme", "ann@example.com");
        fx.verifiedAdmin("Other", "olga@example.com");
        assertStatus(() -> login("acme", "ann@example.com", "Wr0ng!Password"), 401, "Invalid credentials");
        assertStatus(() -> login("nope", "ann@example.com", STRONG_PASSWORD), 401, "Invalid credentials");
        assertStatus(() -> login("acme", "nobody@example.com", STRONG_PASSWORD), 401, "Invalid credentials");
        // a user of another account, with her own correct password
        assertStatus(() -> login("acme", "olga@example.com", STRONG_PASSWORD), 401, "Invalid credentials");
        fx.auth.store.users.deactivate(admin.id, fx.clock.millis());
        assertStatus(() -> login("acme", "ann@example.com", STRONG_PASSWORD), 401, "Invalid credentials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anUnverifiedEmailIsSaidOnlyAfterTheRightPassword(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.auth.registration.register("new@example.com", STRONG_PASSWORD, "Fresh", null, anonymous());
        assertStatus(() -> login("fresh", "new@example.com", "Wr0ng!Password"), 401, "Invalid credentials");
        assertStatus(() -> login("fresh", "new@example.com", STRONG_PASSWORD), 401, "Email not verified. Please check your email inbox.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void missingAccountIs400AndMalformedBodies422(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        assertThatThrownBy(() -> login(null, "a@example.com", "x")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Account is required in multi-tenant mode");
            assertThat(e.extras()).containsEntry("field", "account");
        });
        assertStatus(() -> login("acme", "bad", "x"), 422, "value is not a valid email address");
        assertStatus(() -> login("acme", "a@example.com", ""), 422, "Field required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anAccountAndEmailIsLockedAfterRepeatedFailures(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.verifiedAdmin("Acme", "ann@example.com");
        for (int i = 0; i < 5; i++) {
            assertStatus(() -> login("acme", "ann@example.com", "Wr0ng!Password"), 401, "Invalid credentials");
        }
        // locked: even the right password answers 429 with the seconds left
        assertThatThrownBy(() -> login("acme", "ann@example.com", STRONG_PASSWORD)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.extras()).containsEntry("retryAfter", 900L);
        });
        // another user of the same account from another address is not affected
        assertStatus(() -> fx.auth.login.login("acme", "someone@example.com", "x", "10.0.0.2", anonymous()), 401, "Invalid credentials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theLockEndsAndASuccessResetsTheCount(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.verifiedAdmin("Acme", "ann@example.com");
        for (int i = 0; i < 5; i++) {
            assertStatus(() -> login("acme", "ann@example.com", "Wr0ng!Password"), 401, "Invalid credentials");
        }
        fx.clock.advanceSeconds(901);
        assertThat(login("acme", "ann@example.com", STRONG_PASSWORD)).containsKey("token");
        for (int i = 0; i < 4; i++) {
            assertStatus(() -> login("acme", "ann@example.com", "Wr0ng!Password"), 401, "Invalid credentials");
        }
        assertThat(login("acme", "ann@example.com", STRONG_PASSWORD)).containsKey("token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentFailuresAreAllCountedAndNeverA5xx(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind, new AuthSettings(3600, 86400, 10, 1000, 1000, 900, 900, "http://x"));
        fx.verifiedAdmin("Acme", "ann@example.com");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                try {
                    login("acme", "ann@example.com", "Wr0ng!Password");
                    return 200;
                } catch (ApiException e) {
                    return e.status();
                }
            }));
        }
        for (var result : results) {
            assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(401);
        }
        pool.shutdown();
        assertThat(fx.auth.store.throttle.find(LoginThrottle.accountKey("acme", "ann@example.com")).failures).isEqualTo(16);
        assertThat(fx.auth.store.throttle.find(LoginThrottle.ipKey("10.0.0.1")).failures).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void oneAddressIsLockedAcrossAccounts(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind, new AuthSettings(3600, 86400, 10, 100, 3, 900, 60, "http://x"));
        for (int i = 0; i < 3; i++) {
            String email = "probe" + i + "@example.com";
            assertStatus(() -> login("acme", email, "Wr0ng!Password"), 401, "Invalid credentials");
        }
        assertStatus(() -> login("other", "z@example.com", "x"), 429, "Too many failed login attempts. Try again in 60 seconds.");
    }
}
