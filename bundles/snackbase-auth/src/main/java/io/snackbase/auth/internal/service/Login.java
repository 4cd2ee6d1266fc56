package io.snackbase.auth.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /auth/login}. Unknown account, unknown user, wrong password and inactive user give
 * the same 401 after the same hashing work; the unverified-email answer comes only after a
 * correct password, so it reveals nothing to someone who does not know it.
 */
public final class Login {

    private final AuthStore store;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Hooks hooks;

    public Login(AuthStore store, Accounts accounts, PasswordHasher hasher, Sessions sessions, LoginThrottle throttle, Hooks hooks) {
        this.store = store;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.hooks = hooks;
    }

    /** @return the 200 body: token, refresh_token, expires_in, account, user */
    public Map<String, Object> login(String account, String email, String password, String ip, RequestContext context) {
        if (account == null || account.isBlank()) {
            throw Problems.domain(List.of(new FieldError("account", "Account is required in multi-tenant mode", "required")));
        }
        Inputs.requireEmail("email", email);
        Inputs.requireText("password", password);
        String accountKey = LoginThrottle.accountKey(account, email);
        String ipKey = LoginThrottle.ipKey(ip);
        throttle.check(accountKey, ipKey);
        hooks.before(HookEvents.ON_AUTH_BEFORE_LOGIN, Map.of("account", account, "email", Users.normalize(email)), context);

        AccountRow found = accounts.resolve(account).orElse(null);
        UserRow user = found == null ? null : store.users.findByEmail(found.id, Users.normalize(email));
        boolean matches = user == null ? dummy(password) : hasher.verify(password, user.passwordHash);
        if (!matches || !Boolean.TRUE.equals(user.isActive)) {
            throttle.failed(accountKey, ipKey);
            throw Problems.authenticationFailed("Invalid credentials");
        }
        throttle.succeeded(accountKey);
        if (!"password".equals(user.authProvider)) {
            throw wrongMethod(user);
        }
        if (!Boolean.TRUE.equals(user.emailVerified)) {
            throw Problems.authenticationFailed("Email not verified. Please check your email inbox.");
        }
        Map<String, Object> body = store.inTransaction(() -> {
            store.users.touchLogin(user.id, store.now());
            return sessions.start(user);
        });
        UserRow fresh = store.users.findById(user.id);
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("account", Views.authAccount(found));
        out.put("user", Views.authUser(fresh, store.users.groupNames(user.id)));
        hooks.after(HookEvents.ON_AUTH_AFTER_LOGIN, Map.of("user_id", user.id, "account_id", user.accountId, "email", user.email), context);
        return out;
    }

    private boolean dummy(String password) {
        hasher.verifyDummy(password);
        return false;
    }

    /** 403 (not the reference's 400) so that the SDK copies redirect_url onto its error. */
    private static ApiException wrongMethod(UserRow user) {
        String provider = user.authProviderName == null ? user.authProvider : user.authProviderName;
        String redirect = "saml".equals(user.authProvider)
                ? "/api/v1/auth/saml/sso?provider=" + provider
                : "/api/v1/auth/oauth/" + provider + "/authorize";
        String method = "saml".equals(user.authProvider) ? "SAML" : "OAuth";
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("auth_provider", user.authProvider);
        extras.put("provider_name", user.authProviderName);
        extras.put("redirect_url", redirect);
        return new ApiException(403, "Wrong authentication method",
                "This account uses " + method + " authentication. Please use the " + method + " login flow.", extras);
    }
}
