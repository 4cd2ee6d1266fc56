package io.snackbase.auth.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.core.PasswordPolicy;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.store.RoleRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Superadmin user administration across accounts: create, change, passwords, verification, deactivation. */
public final class UserAdmin {

    /** The fields {@code sort} may name; they are also the column names. */
    public static final List<String> SORT_FIELDS = List.of("id", "email", "account_id", "role_id", "is_active",
            "email_verified", "auth_provider", "created_at", "updated_at", "last_login");
    public static final List<String> PROVIDERS = List.of("password", "oauth", "saml");

    private final AuthStore store;
    private final PasswordHasher hasher;
    private final EmailFlows email;

    public UserAdmin(AuthStore store, PasswordHasher hasher, EmailFlows email) {
        this.store = store;
        this.hasher = hasher;
        this.email = email;
    }

    /**
     * A user to create, its request shape already checked.
     *
     * @param profileData JSON text, or null
     */
    public record NewUser(String email, String password, String accountId, int roleId, boolean isActive, String authProvider,
            String authProviderName, String externalId, String externalEmail, String profileData) {}

    /**
     * Creates a user, unverified. Password users need a password that passes the policy; others
     * get a random one nobody knows, since they sign in through their provider.
     *
     * @throws ApiException 400 missing password or policy; 404 account or role; 409 duplicate email
     */
    public UserRow create(NewUser n) {
        boolean password = "password".equals(n.authProvider());
        if (password && (n.password() == null || n.password().isEmpty())) {
            throw ApiException.badRequest("Password is required for password-based authentication");
        }
        if (password) {
            List<FieldError> problems = PasswordPolicy.check(n.password(), "password");
            if (!problems.isEmpty()) {
                throw Problems.domain(problems);
            }
        }
        if (store.accounts.findById(n.accountId()) == null) {
            throw ApiException.notFound("Account not found");
        }
        role(n.roleId());
        String address = Users.normalize(n.email());
        if (store.users.findByEmail(n.accountId(), address) != null) {
            throw duplicateEmail();
        }
        UserRow u = new UserRow();
        u.id = UUID.randomUUID().toString();
        u.accountId = n.accountId();
        u.email = address;
        u.passwordHash = hasher.hash(password ? n.password() : UUID.randomUUID() + "!" + UUID.randomUUID());
        u.roleId = n.roleId();
        u.isActive = n.isActive();
        u.emailVerified = false;
        u.authProvider = n.authProvider();
        u.authProviderName = n.authProviderName();
        u.externalId = n.externalId();
        u.externalEmail = n.externalEmail();
        u.profileData = n.profileData();
        u.createdAt = store.now();
        u.updatedAt = u.createdAt;
        try {
            store.users.insert(u);
        } catch (RuntimeException e) {
            throw explained(e, u);
        }
        return require(u.id);
    }

    /**
     * Applies changes to another user. The changes run after the user was found, so that a role
     * they name is looked up (and refused with 404) only for an existing user.
     *
     * @param callerId the superadmin's own user id
     * @throws ApiException 403 own user; 404 user (or role, from the changes); 409 duplicate email
     */
    public UserRow update(String callerId, String id, Consumer<UserRow> changes) {
        if (id.equals(callerId)) {
            throw ApiException.forbidden("Cannot modify your own account through this endpoint");
        }
        UserRow row = require(id);
        boolean wasActive = Boolean.TRUE.equals(row.isActive);
        changes.accept(row);
        row.email = Users.normalize(row.email);
        UserRow holder = store.users.findByEmail(row.accountId, row.email);
        if (holder != null && !holder.id.equals(row.id)) {
            throw duplicateEmail();
        }
        row.updatedAt = store.now();
        try {
            store.inTransaction(() -> {
                store.users.update(row);
                if (wasActive && !Boolean.TRUE.equals(row.isActive)) {
                    store.tokens.revokeAllOfUser(row.id, row.updatedAt);
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw explained(e, row);
        }
        return require(id);
    }

    /** Sets a password that passes the policy and ends the user's sessions (their refresh tokens). */
    public void setPassword(String id, String newPassword) {
        require(id);
        List<FieldError> problems = PasswordPolicy.check(newPassword, "new_password");
        if (!problems.isEmpty()) {
            throw Problems.domain(problems);
        }
        String hash = hasher.hash(newPassword);
        store.inTransaction(() -> {
            long now = store.now();
            store.users.setPassword(id, hash, now);
            return store.tokens.revokeAllOfUser(id, now);
        });
    }

    /**
     * @return the message of the 200
     * @throws ApiException 404; 500 {@code Failed to send password reset email}
     */
    public String sendResetLink(String id, RequestContext context) {
        UserRow user = require(id);
        if (!email.sendResetLink(user, context)) {
            throw new ApiException(500, "Internal server error", "Failed to send password reset email");
        }
        return "Password reset link sent to " + user.email;
    }

    /** @return the message of the 200: verified now, or already */
    public String verify(String id) {
        UserRow user = require(id);
        if (Boolean.TRUE.equals(user.emailVerified)) {
            return "User email is already verified";
        }
        store.users.markVerified(id, store.now());
        return "User email verified successfully";
    }

    /**
     * @return the message of the 200
     * @throws ApiException 404; 400 already verified; 500 {@code Failed to send verification email}
     */
    public String resendVerification(String id, RequestContext context) {
        UserRow user = require(id);
        if (Boolean.TRUE.equals(user.emailVerified)) {
            throw ApiException.badRequest("User email is already verified");
        }
        if (!email.sendVerification(user, user.email, context)) {
            throw new ApiException(500, "Internal server error", "Failed to send verification email");
        }
        return "Verification email sent to " + user.email;
    }

    /** Soft delete: the user can no longer sign in, and its refresh tokens stop working. */
    public void deactivate(String callerId, String id) {
        if (id.equals(callerId)) {
            throw ApiException.forbidden("Cannot deactivate your own account");
        }
        require(id);
        store.inTransaction(() -> {
            long now = store.now();
            store.users.deactivate(id, now);
            return store.tokens.revokeAllOfUser(id, now);
        });
    }

    /** @return the user; 404 {@code User not found} */
    public UserRow require(String id) {
        UserRow user = store.users.findById(id);
        if (user == null) {
            throw ApiException.notFound("User not found");
        }
        return user;
    }

    /** @return the role; 404 {@code Role not found} */
    public RoleRow role(int id) {
        RoleRow role = store.roles.findById(id);
        if (role == null) {
            throw ApiException.notFound("Role not found");
        }
        return role;
    }

    /** @return the role of that name; 404 {@code Role not found} */
    public RoleRow roleNamed(String name) {
        RoleRow role = name == null ? null : store.roles.findByName(name.trim());
        if (role == null) {
            throw ApiException.notFound("Role not found");
        }
        return role;
    }

    /** @return the User object: the row's fields with its group names */
    public Map<String, Object> view(UserRow user) {
        return Views.user(user, store.users.groupNames(user.id));
    }

    /** A write lost a race: the address was taken, or the account or role went away, meanwhile. */
    private RuntimeException explained(RuntimeException e, UserRow row) {
        if (!Problems.isConstraintViolation(e)) {
            return e;
        }
        UserRow holder = store.users.findByEmail(row.accountId, row.email);
        if (holder != null && !holder.id.equals(row.id)) {
            return duplicateEmail();
        }
        if (store.accounts.findById(row.accountId) == null) {
            return ApiException.notFound("Account not found");
        }
        if (store.roles.findById(row.roleId) == null) {
            return ApiException.notFound("Role not found");
        }
        return e;
    }

    private static ApiException duplicateEmail() {
        return ApiException.conflict("A user with this email already exists in the account", "email");
    }
}
