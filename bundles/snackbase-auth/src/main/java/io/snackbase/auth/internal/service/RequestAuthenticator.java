package io.snackbase.auth.internal.service;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.JwtCodec;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.SnackbaseTokenCodec;
import io.snackbase.auth.internal.core.TokenException;
import io.snackbase.auth.internal.store.ApiKeyRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.Map;

/**
 * Turns a bearer token or API key into a principal. A resolved principal is kept for a short time
 * ({@link AuthStore#principals}): this instance's own logouts, revocations and user changes empty
 * that cache, so a deleted, deactivated or moved user, or a revoked token, stops working on the
 * next request here, and within the cache's time to live on other instances sharing the database.
 * Failures are never cached, and a cached token still stops working at its expiry.
 */
public final class RequestAuthenticator {

    /** last_used_at is written at most this often per key, so that a busy key does not write on every request. */
    private static final long TOUCH_INTERVAL_MS = 60_000;

    private final AuthStore store;
    private final JwtCodec jwt;
    private final SnackbaseTokenCodec snackbaseTokens;

    public RequestAuthenticator(AuthStore store, JwtCodec jwt, SnackbaseTokenCodec snackbaseTokens) {
        this.store = store;
        this.jwt = jwt;
        this.snackbaseTokens = snackbaseTokens;
    }

    public Principal bearer(String token) {
        AuthStore.CachedPrincipal cached = store.principals.get(token);
        if (cached != null && store.now() < cached.validUntil()) {
            return cached.principal();
        }
        long stamp = store.principals.stamp();
        AuthStore.CachedPrincipal resolved = SnackbaseTokenCodec.isSnackbaseToken(token) ? apiKey(token) : jwtBearer(token);
        store.principals.put(token, resolved, stamp);
        return resolved.principal();
    }

    private AuthStore.CachedPrincipal jwtBearer(String token) {
        Map<String, Object> claims = verified(() -> jwt.verify(token));
        if (!"access".equals(claims.get("type")) || !(claims.get("user_id") instanceof String userId)
                || !(claims.get("account_id") instanceof String accountId) || claims.get("email") == null || claims.get("role") == null) {
            throw ApiException.unauthorized("Invalid token");
        }
        if (claims.get("jti") instanceof String jti && store.tokens.isRevoked(jti) > 0) {
            throw ApiException.unauthorized("Token has been revoked");
        }
        long validUntil = claims.get("exp") instanceof Number exp ? exp.longValue() * 1000 : Long.MAX_VALUE;
        return new AuthStore.CachedPrincipal(principal(userId, accountId, "jwt"), validUntil);
    }

    /** The id and expiry of a valid access token, for logout's blacklist. */
    public record TokenId(String id, Long expiresAt) {}

    /** @return the {@code jti} of a valid access JWT, or empty */
    public java.util.Optional<TokenId> accessTokenId(String token) {
        try {
            Map<String, Object> claims = jwt.verify(token);
            if ("access".equals(claims.get("type")) && claims.get("jti") instanceof String jti) {
                Long exp = claims.get("exp") instanceof Number n ? n.longValue() * 1000 : null;
                return java.util.Optional.of(new TokenId(jti, exp));
            }
        } catch (TokenException e) {
            // nothing to revoke
        }
        return java.util.Optional.empty();
    }

    public Principal headerKey(String key) {
        if (key.startsWith("sb_ak.")) {
            return bearer(key);
        }
        if (key.startsWith("sb_sk_")) {
            // legacy keys were never issued by this server
            throw ApiException.unauthorized("Invalid API key");
        }
        throw ApiException.unauthorized("Invalid API key format");
    }

    private AuthStore.CachedPrincipal apiKey(String token) {
        Map<String, Object> payload = verified(() -> snackbaseTokens.verify(token));
        String tokenId = (String) payload.get("token_id");
        if (!"api_key".equals(payload.get("type"))) {
            throw ApiException.unauthorized("Invalid token");
        }
        if (store.tokens.isRevoked(tokenId) > 0) {
            throw ApiException.unauthorized("Token has been revoked");
        }
        ApiKeyRow key = store.apiKeys.findById(tokenId);
        if (key == null || !key.keyHash.equals(Secrets.sha256(token))) {
            throw ApiException.unauthorized("Invalid API key");
        }
        if (!Boolean.TRUE.equals(key.isActive)) {
            throw ApiException.unauthorized("Token has been revoked");
        }
        if (key.expiresAt != null && key.expiresAt <= store.now()) {
            throw ApiException.unauthorized("API key has expired");
        }
        if (!(payload.get("account_id") instanceof String accountId) || !key.userId.equals(payload.get("user_id"))) {
            throw ApiException.unauthorized("Invalid API key");
        }
        Principal owner = principal(key.userId, accountId, "api_key");
        Principal principal = key.accountId == null
                ? new Principal(owner.userId(), owner.email(), owner.accountId(), owner.role(), "api_key", owner.groups(), ApiKeys.scopes(key))
                : serviceKey(owner, key);
        long now = store.now();
        if (key.lastUsedAt == null || now - key.lastUsedAt > TOUCH_INTERVAL_MS) {
            store.apiKeys.touch(key.id, now);
        }
        long validUntil = key.expiresAt == null ? Long.MAX_VALUE : key.expiresAt;
        if (payload.get("expires_at") instanceof Number expires) {
            validUntil = Math.min(validUntil, expires.longValue() * 1000);
        }
        return new AuthStore.CachedPrincipal(principal, validUntil);
    }

    /**
     * An account-bound key acts in its account only: the owner's id and email (so that writes and
     * audit entries name who issued it), no role and no groups there, and the key's scopes. Its
     * owner must still be an active superadmin (checked by {@link #principal}), or it stops working.
     */
    private static Principal serviceKey(Principal owner, ApiKeyRow key) {
        if (!owner.isSuperadmin()) {
            throw ApiException.unauthorized("Invalid API key");
        }
        return new Principal(owner.userId(), owner.email(), key.accountId, null, "api_key", java.util.List.of(), ApiKeys.scopes(key));
    }

    private Principal principal(String userId, String accountId, String method) {
        UserRow user = store.users.findById(userId);
        if (user == null || !user.accountId.equals(accountId)) {
            throw ApiException.unauthorized("User does not belong to the specifying account");
        }
        if (!Boolean.TRUE.equals(user.isActive)) {
            throw ApiException.unauthorized("User account is disabled");
        }
        return new Principal(user.id, user.email, user.accountId, user.roleName, method, store.users.groupNames(user.id));
    }

    private interface Check {
        Map<String, Object> run() throws TokenException;
    }

    private static Map<String, Object> verified(Check check) {
        try {
            return check.run();
        } catch (TokenException e) {
            throw ApiException.unauthorized(e.getMessage());
        }
    }
}
