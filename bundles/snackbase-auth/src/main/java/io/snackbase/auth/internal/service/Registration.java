package io.snackbase.auth.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.auth.internal.core.PasswordPolicy;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.core.Slugs;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST /auth/register}: a new account, its first user (admin, unverified), its pii_access group, and a verification mail. */
public final class Registration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Registration.class);

    private final AuthStore store;
    private final Accounts accounts;
    private final Users users;
    private final EmailFlows email;
    private final Hooks hooks;

    public Registration(AuthStore store, Accounts accounts, Users users, EmailFlows email, Hooks hooks) {
        this.store = store;
        this.accounts = accounts;
        this.users = users;
        this.email = email;
        this.hooks = hooks;
    }

    /** @return the 201 body */
    public Map<String, Object> register(String emailAddress, String password, String accountName, String accountSlug, RequestContext context) {
        Inputs.requireEmail("email", emailAddress);
        List<FieldError> problems = new ArrayList<>(PasswordPolicy.check(password, "password"));
        if (accountName == null || accountName.isBlank()) {
            problems.add(new FieldError("account_name", "Account name is required", "required"));
        } else if (accountName.length() > 255) {
            problems.add(new FieldError("account_name", "Account name must be at most 255 characters", "too_long"));
        }
        String slug = accountSlug == null || accountSlug.isBlank()
                ? Slugs.fromName(accountName) : accountSlug.trim().toLowerCase(Locale.ROOT);
        if (accountSlug != null && !accountSlug.isBlank()) {
            Slugs.checkRegistration(slug).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw Problems.domain(problems);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", Users.normalize(emailAddress));
        data.put("account_name", accountName.trim());
        data.put("account_slug", slug);
        hooks.before(HookEvents.ON_AUTH_BEFORE_REGISTER, data, context);
        String name = accountName.trim();
        // a code or slug taken by a concurrent registration is retried; the slug check then reports it
        Object[] created = Retrying.write(store, () -> {
            if (store.accounts.findBySlug(slug) != null) {
                throw new ApiException(409, "Conflict", "An account with this slug already exists", Map.of("field", "account_slug"));
            }
            AccountRow account = accounts.insert(name, slug);
            UserRow user = users.insert(account.id, emailAddress, password, Users.ADMIN_ROLE, false, "password");
            users.addPiiGroup(account.id, user.id);
            return new Object[] {account, user};
        });
        AccountRow account = (AccountRow) created[0];
        UserRow user = (UserRow) created[1];
        // the account exists now: neither a mail failure nor a lost token write fails the registration
        try {
            email.sendVerification(user, user.email, new RequestContext(context.principal(), account.id, context.requestId(),
                    context.ipAddress(), context.userAgent()));
        } catch (RuntimeException e) {
            LOG.warn("No verification mail for {}: {}; it can be sent again with resend-verification", user.email, e.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Registration successful. Please check your email to verify your account.");
        body.put("user", Views.authUser(user, store.users.groupNames(user.id)));
        body.put("account", Views.authAccount(account));
        hooks.after(HookEvents.ON_AUTH_AFTER_REGISTER, Map.of("user_id", user.id, "account_id", account.id, "email", user.email), context);
        return body;
    }
}
