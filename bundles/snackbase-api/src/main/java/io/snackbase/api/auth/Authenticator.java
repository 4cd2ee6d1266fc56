package io.snackbase.api.auth;

import io.snackbase.api.context.Principal;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks the credentials a request presents and names the caller.
 *
 * <p>The REST bundle's authentication filter calls it once per request: {@code Authorization:
 * Bearer <token>} first (an access JWT or an {@code sb_*} SnackBase token), then
 * {@code X-API-Key}, then, for anonymous callers, {@code X-Account-ID}. Every check reads the
 * database (the user must still exist, be active and belong to the token's account; revoked
 * tokens are refused), so a revocation takes effect on the next request of every instance.
 *
 * <p>Registered by the snackbase-auth bundle with {@code snackbase.impl=default}; a replacement
 * registers at a higher {@code service.ranking}. Later login methods (OAuth, SAML) issue the same
 * tokens and need no change here. Thread-safe; called concurrently on request threads.
 */
@ProviderType
public interface Authenticator {

    /**
     * @param token the text after {@code Bearer }
     * @return the caller
     * @throws io.snackbase.api.errors.ApiException 401 with the reason ({@code Token has expired},
     *     {@code Invalid token}, {@code Token has been revoked}, {@code User does not belong to the
     *     specifying account}, ...); the reason never contains "email" or "verify"
     */
    Principal authenticateBearer(String token);

    /**
     * @param key the value of {@code X-API-Key}
     * @return the caller (the key's owner)
     * @throws io.snackbase.api.errors.ApiException 401 for a malformed, unknown, expired or
     *     revoked key; 403 for a legacy key whose owner is not a superadmin
     */
    Principal authenticateApiKey(String key);

    /**
     * Resolves an account named by a caller: account code first ({@code XX####}, any case),
     * then slug (any case), then account id (UUID).
     *
     * @param identifier the caller's text
     * @return the account id, or empty when no account matches
     */
    Optional<String> resolveAccount(String identifier);
}
