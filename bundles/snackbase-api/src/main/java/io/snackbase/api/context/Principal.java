package io.snackbase.api.context;

import java.util.List;
import java.util.Objects;

/**
 * The authenticated (or anonymous) caller of a request. Immutable and thread-safe.
 *
 * @param userId the user's id (UUID string), or null for an anonymous caller or the system
 * @param email the user's email, or null
 * @param accountId the account (tenant) the caller acts in; the nil UUID for superadmins and the
 *     system
 * @param role the role name in that account ({@code admin}, {@code user}, ...), or null
 * @param authMethod how the caller proved who they are: {@code jwt}, {@code api_key},
 *     {@code oauth}, {@code saml}, {@code anonymous} or {@code system}
 * @param groups the names of the user's groups in that account (for example {@code pii_access});
 *     empty for anonymous callers and the system
 */
public record Principal(String userId, String email, String accountId, String role, String authMethod, List<String> groups) {

    /** The id of the system account, whose users are superadmins (value is the nil UUID). */
    public static final String SYSTEM_ACCOUNT_ID = "00000000-0000-0000-0000-000000000000";

    public Principal {
        Objects.requireNonNull(authMethod, "authMethod");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A principal without groups. */
    public Principal(String userId, String email, String accountId, String role, String authMethod) {
        this(userId, email, accountId, role, authMethod, List.of());
    }

    /**
     * @param group a group name
     * @return true when the user is a member of that group in its account
     */
    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /**
     * @param accountId the account named by the request (X-Account-ID), or null
     * @return an anonymous caller
     */
    public static Principal anonymous(String accountId) {
        return new Principal(null, null, accountId, null, "anonymous");
    }

    /** @return SnackBase itself acting (start-up, scheduled work), as a superadmin */
    public static Principal system() {
        return new Principal(null, null, SYSTEM_ACCOUNT_ID, null, "system");
    }

    /** @return true for a user of the system account, or the system itself */
    public boolean isSuperadmin() {
        return SYSTEM_ACCOUNT_ID.equals(accountId) && (userId != null || "system".equals(authMethod));
    }

    /** @return true when no credentials were presented */
    public boolean isAnonymous() {
        return "anonymous".equals(authMethod);
    }
}
