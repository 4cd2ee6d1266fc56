package io.snackbase.auth.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.core.PasswordPolicy;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.Times;
import io.snackbase.auth.internal.store.EmailTokenRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Email verification and password reset with single-use, one-hour tokens of which only the
 * digest is stored; a new token replaces the user's older open ones.
 */
public final class EmailFlows {

    static final String VERIFY = "verify";
    static final String RESET = "reset";

    private final AuthStore store;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AuthMail mail;
    private final Hooks hooks;
    private final Executor background;

    public EmailFlows(AuthStore store, Accounts accounts, PasswordHasher hasher, AuthMail mail, Hooks hooks, Executor background) {
        this.store = store;
        this.accounts = accounts;
        this.hasher = hasher;
        this.mail = mail;
        this.hooks = hooks;
        this.background = background;
    }

    /** @return true when the verification mail was handed to a transport */
    public boolean sendVerification(UserRow user, String address, RequestContext context) {
        String token = newToken(user.id, address, VERIFY);
        return mail.verification(address, token, store.now() + AuthSettings.EMAIL_TOKEN_SECONDS * 1000, context);
    }

    /** @return the 200 body of verify-email */
    public Map<String, Object> verifyEmail(String token) {
        UserRow user = store.inTransaction(() -> {
            EmailTokenRow row = usable(token, VERIFY);
            if (row == null || store.tokens.useEmailToken(row.id, store.now()) == 0) {
                return null;
            }
            store.users.markVerified(row.userId, store.now());
            return store.users.findById(row.userId);
        });
        if (user == null) {
            throw ApiException.badRequest("Invalid or expired verification token");
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", user.id);
        u.put("email", user.email);
        u.put("email_verified", true);
        return Map.of("message", "Email verified successfully", "user", u);
    }

    /**
     * Looks the user up and mails a reset link on a background thread, so that the answer's
     * timing says nothing about whether the account or the user exists.
     */
    public void forgotPassword(String account, String address, RequestContext context) {
        background.execute(() -> accounts.resolve(account)
                .map(a -> store.users.findByEmail(a.id, Users.normalize(address)))
                .filter(u -> Boolean.TRUE.equals(u.isActive) && "password".equals(u.authProvider))
                .ifPresent(u -> {
                    String token = newToken(u.id, u.email, RESET);
                    mail.passwordReset(u.email, token, store.now() + AuthSettings.EMAIL_TOKEN_SECONDS * 1000, context);
                }));
    }

    /**
     * Mails the user a reset link now, on the caller's thread, for a superadmin who asked for it
     * and needs to know whether it went out.
     *
     * @return true when the mail was handed to a transport
     */
    public boolean sendResetLink(UserRow user, RequestContext context) {
        String token = newToken(user.id, user.email, RESET);
        return mail.passwordReset(user.email, token, store.now() + AuthSettings.EMAIL_TOKEN_SECONDS * 1000, context);
    }

    /** Sets a new password for a valid reset token and signs the user out everywhere. */
    public void resetPassword(String token, String newPassword, RequestContext context) {
        EmailTokenRow row = usable(token, RESET);
        if (row == null) {
            throw invalidReset();
        }
        List<io.snackbase.api.errors.FieldError> problems = PasswordPolicy.check(newPassword, "new_password");
        if (!problems.isEmpty()) {
            throw Problems.domain(problems);
        }
        Map<String, Object> data = Map.of("user_id", row.userId, "email", row.email);
        hooks.before(HookEvents.ON_AUTH_BEFORE_PASSWORD_RESET, data, context);
        String hash = hasher.hash(newPassword);
        boolean done = store.inTransaction(() -> {
            long now = store.now();
            if (store.tokens.useEmailToken(row.id, now) == 0) {
                return false;
            }
            store.users.setPassword(row.userId, hash, now);
            store.tokens.revokeAllOfUser(row.userId, now);
            return true;
        });
        if (!done) {
            throw invalidReset();
        }
        hooks.after(HookEvents.ON_AUTH_AFTER_PASSWORD_RESET, data, context);
    }

    /** @return {@code {valid, expires_at}} */
    public Map<String, Object> checkResetToken(String token) {
        EmailTokenRow row = usable(token, RESET);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", row != null);
        out.put("expires_at", row == null ? null : Times.iso(row.expiresAt));
        return out;
    }

    private String newToken(String userId, String address, String purpose) {
        String token = Secrets.urlToken();
        // MariaDB's gap locks make concurrent replace-the-open-tokens writes deadlock victims now and then
        Retrying.write(store, () -> {
            store.tokens.deleteOpenEmailTokens(userId, purpose);
            EmailTokenRow row = new EmailTokenRow();
            row.id = UUID.randomUUID().toString();
            row.tokenHash = Secrets.sha256(token);
            row.purpose = purpose;
            row.userId = userId;
            row.email = Users.normalize(address);
            row.createdAt = store.now();
            row.expiresAt = row.createdAt + AuthSettings.EMAIL_TOKEN_SECONDS * 1000;
            return store.tokens.insertEmailToken(row);
        });
        return token;
    }

    private EmailTokenRow usable(String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return null;
        }
        EmailTokenRow row = store.tokens.findEmailToken(Secrets.sha256(token), purpose);
        return row == null || row.usedAt != null || row.expiresAt <= store.now() ? null : row;
    }

    private static ApiException invalidReset() {
        return ApiException.badRequest("Invalid, expired, or already used reset token");
    }
}
