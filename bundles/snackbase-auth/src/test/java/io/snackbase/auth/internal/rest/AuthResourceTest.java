package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.mail.MailTemplates;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.auth.internal.FakeRequests;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /auth routes' own checks and bodies (on SQLite; the flows behind them run on every database elsewhere). */
class AuthResourceTest {

    private AuthFixture fx;
    private AuthResource resource;

    @BeforeEach
    void open() throws Exception {
        fx = AuthFixture.open(DatabaseKind.SQLITE);
        resource = new AuthResource(services(fx));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    static AuthServices services(AuthFixture fx) {
        return new AuthServices(fx.auth);
    }

    private Map<String, Object> loginBody() {
        return Map.of("account", "acme", "email", "ann@example.com", "password", STRONG_PASSWORD);
    }

    private static void assertError(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void registerAnswers201() {
        var response = resource.register(Map.of("email", "a@example.com", "password", STRONG_PASSWORD, "account_name", "Acme"),
                FakeRequests.anonymous());
        assertThat(response.getStatus()).isEqualTo(201);
    }

    @Test
    void meReturnsTheFourClaimsAndTheUserAndAccount() {
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        Map<String, Object> me = resource.me(FakeRequests.as(AuthFixture.principal(ann), Map.of()));
        assertThat(me).containsEntry("user_id", ann.id).containsEntry("account_id", ann.accountId)
                .containsEntry("email", "ann@example.com").containsEntry("role", "admin").containsKeys("user", "account");
        assertError(() -> resource.me(FakeRequests.anonymous()), 401, "Missing authentication credentials");
    }

    @Test
    @SuppressWarnings("unchecked")
    void meOfAnAccountBoundKeyNamesTheAccountItActsIn() {
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        UserRow root = fx.auth.store.inTransaction(() -> fx.auth.users.insert(io.snackbase.api.context.Principal.SYSTEM_ACCOUNT_ID,
                "root@example.com", STRONG_PASSWORD, io.snackbase.auth.internal.service.Users.ADMIN_ROLE, true, "password"));
        Map<String, Object> key = new io.snackbase.auth.internal.service.ApiKeys(fx.auth.store, fx.auth.snackbaseTokens, 10)
                .create(AuthFixture.principal(root), "Service", null, java.util.List.of("records:secrets:read"), ann.accountId);
        var principal = fx.auth.authenticator.headerKey((String) key.get("key"));
        Map<String, Object> me = resource.me(FakeRequests.as(principal, Map.of()));
        assertThat(me).containsEntry("user_id", root.id).containsEntry("account_id", ann.accountId).containsEntry("role", null)
                .containsEntry("scopes", java.util.List.of("records:secrets:read"));
        assertThat((Map<String, Object>) me.get("user")).containsEntry("account_id", ann.accountId).containsEntry("role", null);
        assertThat((Map<String, Object>) me.get("account")).containsEntry("id", ann.accountId);
    }

    @Test
    void refreshNeedsTheField() {
        assertThatThrownBy(() -> resource.refresh(Map.of())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.extras()).containsEntry("field", "refresh_token");
        });
        assertError(() -> resource.refresh(Map.of("refresh_token", 5)), 422, "value must be a string");
    }

    @Test
    void logoutAlwaysAnswers200AndEndsTheSession() {
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        Map<String, Object> session = resource.login(loginBody(), FakeRequests.anonymous());
        assertThat(resource.logout(Map.of(), FakeRequests.anonymous())).containsEntry("message", "Logged out successfully");

        ContainerRequestContext request = FakeRequests.as(AuthFixture.principal(ann), Map.of("Authorization", "Bearer " + session.get("token")));
        assertThat(resource.logout(Map.of(), request)).containsEntry("message", "Logged out successfully");
        assertError(() -> fx.auth.sessions.refresh((String) session.get("refresh_token")), 401, "Invalid or expired refresh token");
        assertError(() -> fx.auth.authenticator.bearer((String) session.get("token")), 401, "Token has been revoked");
        // a second logout with the same (now revoked) token is still fine
        assertThat(resource.logout(Map.of("refresh_token", "junk"), request)).containsEntry("message", "Logged out successfully");
    }

    @Test
    void logoutWithARefreshTokenEndsOnlyThatSession() {
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        Map<String, Object> laptop = resource.login(loginBody(), FakeRequests.anonymous());
        Map<String, Object> phone = resource.login(loginBody(), FakeRequests.anonymous());
        resource.logout(Map.of("refresh_token", laptop.get("refresh_token")), FakeRequests.as(AuthFixture.principal(ann), Map.of()));
        assertError(() -> fx.auth.sessions.refresh((String) laptop.get("refresh_token")), 401, "Invalid or expired refresh token");
        assertThat(fx.auth.sessions.refresh((String) phone.get("refresh_token"))).containsKey("token");
    }

    @Test
    void sendVerificationGoesToTheGivenAddressAndReportsAMailFailure() {
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        ContainerRequestContext request = FakeRequests.as(AuthFixture.principal(ann), Map.of());
        assertThat(resource.sendVerification(Map.of("email", "other@example.com"), request))
                .containsEntry("message", "Verification email sent to other@example.com");
        assertThat(fx.mail.lastToken(MailTemplates.EMAIL_VERIFICATION, "other@example.com")).isNotBlank();
        assertThat(resource.resendVerification(Map.of(), request)).containsEntry("message", "Verification email resent successfully");
        fx.mail.failing = true;
        assertError(() -> resource.sendVerification(Map.of(), request), 500, "Failed to send verification email");
        assertError(() -> resource.sendVerification(Map.of("email", "nope"), request), 422, "value is not a valid email address");
    }

    @Test
    void forgotPasswordAnswersTheSameWhateverExists() {
        fx.verifiedAdmin("Acme", "ann@example.com");
        String same = "If an account with that email exists, a password reset link has been sent.";
        assertThat(resource.forgotPassword(Map.of("account", "acme", "email", "ann@example.com"), FakeRequests.anonymous())).containsEntry("message", same);
        assertThat(resource.forgotPassword(Map.of("account", "nope", "email", "ann@example.com"), FakeRequests.anonymous())).containsEntry("message", same);
        assertThat(resource.forgotPassword(Map.of("account", "acme", "email", "x@example.com"), FakeRequests.anonymous())).containsEntry("message", same);
        assertError(() -> resource.forgotPassword(Map.of("email", "ann@example.com"), FakeRequests.anonymous()), 400,
                "Account is required in multi-tenant mode");
    }

    @Test
    void resetPasswordChecksTheShapeThenTheToken() {
        assertError(() -> resource.resetPassword(Map.of("token", "t", "new_password", "short"), FakeRequests.anonymous()), 422,
                "String should have at least 8 characters");
        assertError(() -> resource.resetPassword(Map.of("new_password", "N3w!Passw0rd-ok"), FakeRequests.anonymous()), 422, "Field required");
        assertError(() -> resource.resetPassword(Map.of("token", "unknown", "new_password", "N3w!Passw0rd-ok"), FakeRequests.anonymous()), 400,
                "Invalid, expired, or already used reset token");
        assertThat(resource.verifyResetToken("unknown")).containsEntry("valid", false);
        assertError(() -> resource.verifyEmail(Map.of()), 422, "Field required");
    }

    @Test
    void hooksSeeTheAuthEventsAndABeforeHandlerMayRefuse() {
        List<String> seen = new CopyOnWriteArrayList<>();
        fx.hooks = new HookDispatcher() {
            @Override
            public HookDispatchResult dispatch(HookEvent event, HookContext context) {
                seen.add(event.name());
                boolean abort = event.name().equals(HookEvents.ON_AUTH_BEFORE_REGISTER) && "blocked@example.com".equals(event.data().get("email"));
                return new HookDispatchResult(event.data(), 1, abort, abort ? 403 : 0, abort ? "Registrations are closed" : null, List.of());
            }

            @Override
            public boolean hasHandlers(String event, String collection) {
                return true;
            }
        };
        assertError(() -> resource.register(Map.of("email", "blocked@example.com", "password", STRONG_PASSWORD, "account_name", "Blocked"),
                FakeRequests.anonymous()), 403, "Registrations are closed");
        assertThat(fx.auth.store.accounts.findBySlug("blocked")).isNull();

        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        resource.login(loginBody(), FakeRequests.anonymous());
        resource.logout(Map.of(), FakeRequests.as(AuthFixture.principal(ann), Map.of()));
        assertThat(seen).containsSubsequence(HookEvents.ON_AUTH_BEFORE_REGISTER, HookEvents.ON_AUTH_BEFORE_REGISTER,
                HookEvents.ON_AUTH_AFTER_REGISTER, HookEvents.ON_AUTH_BEFORE_LOGIN, HookEvents.ON_AUTH_AFTER_LOGIN,
                HookEvents.ON_AUTH_BEFORE_LOGOUT, HookEvents.ON_AUTH_AFTER_LOGOUT);
    }

    @Test
    void principalsOfSuperadminsAreRecognised() {
        assertThat(new Principal("u", "e", Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt").isSuperadmin()).isTrue();
    }
}
