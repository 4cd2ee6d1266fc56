package io.snackbase.api.context;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authenticated (or anonymous) caller of a request. Immutable and thread-safe.
 *
 * <p>An API key bound to an account (an "account-bound service key") gives a principal whose
 * {@code accountId} is that account (whatever {@code X-Account-ID} says), whose {@code userId} and
 * {@code email} are those of the superadmin who issued it, whose {@code role} is null (it holds no
 * role in that account) and whose {@code groups} are empty; {@link #isServiceKey()} is true for it.
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
 * @param scopes the extra permissions the credential grants (see {@link ApiKeyScopes}); copied,
 *     iterated in alphabetical order, null means none. Empty for every credential but an API key
 *     issued with scopes. Scopes only add permissions on the routes that check them; they never
 *     widen the account the caller acts in (since 1.2.0).
 */
public record Principal(String userId, String email, String accountId, String role, String authMethod, List<String> groups,
        Set<String> scopes) {

    /** The id of the system account, whose users are superadmins (value is the nil UUID). */
    public static final String SYSTEM_ACCOUNT_ID = "00000000-0000-0000-0000-000000000000";

    public Principal {
        Objects.requireNonNull(authMethod, "authMethod");
        groups = groups == null ? List.of() : List.copyOf(groups);
        // sorted, so that equal principals print alike; unmodifiable, as the record is immutable
        scopes = scopes == null || scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(scopes));
    }

    /** A principal without scopes (every credential but a scoped API key). */
    public Principal(String userId, String email, String accountId, String role, String authMethod, List<String> groups) {
        this(userId, email, accountId, role, authMethod, groups, Set.of());
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

    /**
     * @param scope a scope name, e.g. {@link ApiKeyScopes#RECORDS_SECRETS_READ}
     * @return true when the credential grants it
     * @since 1.2.0
     */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /**
     * @return true for an API key ({@code authMethod} {@code api_key}) that acts in one tenant
     *     account rather than as its superadmin owner: API keys are issued by superadmins only, so
     *     a key principal outside the system account is one bound to an account
     * @since 1.2.0
     */
    public boolean isServiceKey() {
        return "api_key".equals(authMethod) && !SYSTEM_ACCOUNT_ID.equals(accountId);
    }

    /** @return true when no credentials were presented */
    public boolean isAnonymous() {
        return "anonymous".equals(authMethod);
    }
}
