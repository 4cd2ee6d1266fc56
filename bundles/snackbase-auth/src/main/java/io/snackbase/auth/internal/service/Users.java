package io.snackbase.auth.internal.service;

import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.store.GroupRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.Locale;
import java.util.UUID;

/** Creating users and the groups every registered account gets. */
public final class Users {

    public static final int ADMIN_ROLE = 1;
    public static final int USER_ROLE = 2;
    public static final String PII_GROUP = "pii_access";

    private final AuthStore store;
    private final PasswordHasher hasher;

    public Users(AuthStore store, PasswordHasher hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    /** @return the email as stored: trimmed and lower-cased, so that (account, email) is case-insensitive */
    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Inserts a password user; a null password gets a random one nobody knows (OAuth/SAML users). */
    public UserRow insert(String accountId, String email, String password, int roleId, boolean verified, String provider) {
        UserRow u = new UserRow();
        u.id = UUID.randomUUID().toString();
        u.accountId = accountId;
        u.email = normalize(email);
        u.passwordHash = hasher.hash(password == null ? UUID.randomUUID() + "!" + UUID.randomUUID() : password);
        u.roleId = roleId;
        u.isActive = true;
        u.emailVerified = verified;
        u.createdAt = store.now();
        u.updatedAt = u.createdAt;
        u.emailVerifiedAt = verified ? u.createdAt : null;
        u.authProvider = provider;
        store.users.insert(u);
        return store.users.findById(u.id);
    }

    /** Creates the account's {@code pii_access} group with the user in it. */
    public void addPiiGroup(String accountId, String userId) {
        GroupRow g = new GroupRow();
        g.id = UUID.randomUUID().toString();
        g.accountId = accountId;
        g.name = PII_GROUP;
        g.description = "Members see PII fields unmasked";
        g.isSystem = true;
        g.createdAt = store.now();
        g.updatedAt = g.createdAt;
        store.groups.insert(g);
        store.groups.addMember(g.id, userId, store.now());
    }
}
