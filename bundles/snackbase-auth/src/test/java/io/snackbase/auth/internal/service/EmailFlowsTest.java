package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static io.snackbase.auth.internal.AuthFixture.anonymous;
import static io.snackbase.auth.internal.service.RegistrationTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.mail.MailTemplates;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Verification and reset tokens: single use, one hour, replaced by newer ones; reset signs the user out. */
class EmailFlowsTest {

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
    void theVerificationLinkVerifiesOnce(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.auth.registration.register("new@example.com", STRONG_PASSWORD, "Fresh", null, anonymous());
        String token = fx.mail.lastToken(MailTemplates.EMAIL_VERIFICATION, "new@example.com");
        assertThat(fx.mail.sent.get(0).variables().get("verification_url")).isEqualTo("http://localhost:8090/verify-email?token=" + token);

        Map<String, Object> body = fx.auth.email.verifyEmail(token);
        assertThat((Map<String, Object>) body.get("user")).containsEntry("email_verified", true);
        assertStatus(() -> fx.auth.email.verifyEmail(token), 400, "Invalid or expired verification token");
        assertThat(fx.auth.login.login("fresh", "new@example.com", STRONG_PASSWORD, null, anonymous())).containsKey("token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void verificationTokensExpireAndAreReplaced(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.auth.registration.register("new@example.com", STRONG_PASSWORD, "Fresh", null, anonymous());
        String first = fx.mail.lastToken(MailTemplates.EMAIL_VERIFICATION, "new@example.com");
        var user = fx.auth.store.users.findByEmail(fx.auth.store.accounts.findBySlug("fresh").id, "new@example.com");
        fx.auth.email.sendVerification(user, user.email, anonymous());
        String second = fx.mail.lastToken(MailTemplates.EMAIL_VERIFICATION, "new@example.com");
        assertStatus(() -> fx.auth.email.verifyEmail(first), 400, "Invalid or expired verification token");
        fx.clock.advanceSeconds(3601);
        assertStatus(() -> fx.auth.email.verifyEmail(second), 400, "Invalid or expired verification token");
        assertStatus(() -> fx.auth.email.verifyEmail("nonsense"), 400, "Invalid or expired verification token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void resetSetsTheNewPasswordOnceAndRevokesSessions(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.verifiedAdmin("Acme", "ann@example.com");
        String refresh = (String) fx.auth.login.login("acme", "ann@example.com", STRONG_PASSWORD, null, anonymous()).get("refresh_token");
        fx.auth.email.forgotPassword("ACME", "ANN@example.com", anonymous());
        String token = fx.mail.lastToken(MailTemplates.PASSWORD_RESET, "ann@example.com");
        assertThat(fx.auth.email.checkResetToken(token)).containsEntry("valid", true);

        assertStatus(() -> fx.auth.email.resetPassword(token, "weakpassword", anonymous()), 400, "Password must contain at least one uppercase letter");
        fx.auth.email.resetPassword(token, "N3w!Passw0rd-ok", anonymous());
        assertStatus(() -> fx.auth.email.resetPassword(token, "An0ther!Passw0rd", anonymous()), 400, "Invalid, expired, or already used reset token");
        assertThat(fx.auth.email.checkResetToken(token)).containsEntry("valid", false).containsEntry("expires_at", null);
        assertStatus(() -> fx.auth.sessions.refresh(refresh), 401, "Invalid or expired refresh token");
        assertStatus(() -> fx.auth.login.login("acme", "ann@example.com", STRONG_PASSWORD, null, anonymous()), 401, "Invalid credentials");
        assertThat(fx.auth.login.login("acme", "ann@example.com", "N3w!Passw0rd-ok", null, anonymous())).containsKey("token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void forgotPasswordSendsNothingForUnknownAccountsOrUsers(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        fx.verifiedAdmin("Acme", "ann@example.com");
        fx.auth.email.forgotPassword("nope", "ann@example.com", anonymous());
        fx.auth.email.forgotPassword("acme", "nobody@example.com", anonymous());
        assertThat(fx.mail.sent).noneMatch(s -> s.template().equals(MailTemplates.PASSWORD_RESET));
    }
}
