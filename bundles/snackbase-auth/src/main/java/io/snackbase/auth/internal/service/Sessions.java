package io.snackbase.auth.internal.service;

import io.snackbase.auth.internal.core.JwtCodec;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.TokenException;
import io.snackbase.auth.internal.store.RefreshTokenRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Access and refresh tokens. Refresh tokens are stored as digests and rotated: each refresh
 * revokes the token it was given and issues a new one in the same family; a revoked token
 * presented again means it was stolen or replayed, and the whole family is revoked.
 */
public final class Sessions {

    private final AuthStore store;
    private final JwtCodec jwt;
    private final AuthSettings settings;

    public Sessions(AuthStore store, JwtCodec jwt, AuthSettings settings) {
        this.store = store;
        this.jwt = jwt;
        this.settings = settings;
    }

    /** @return {@code token}, {@code refresh_token}, {@code expires_in} for a new login of the user */
    public Map<String, Object> start(UserRow user) {
        return issue(user, UUID.randomUUID().toString());
    }

    private Map<String, Object> issue(UserRow user, String familyId) {
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("sub", user.id);
        access.put("jti", UUID.randomUUID().toString());
        access.put("user_id", user.id);
        access.put("account_id", user.accountId);
        access.put("email", user.email);
        access.put("role", user.roleName);
        access.put("auth_method", user.authProvider == null ? "password" : user.authProvider);
        access.put("type", "access");
        String refreshId = UUID.randomUUID().toString();
        Map<String, Object> refresh = new LinkedHashMap<>();
        refresh.put("sub", user.id);
        refresh.put("jti", refreshId);
        refresh.put("user_id", user.id);
        refresh.put("account_id", user.accountId);
        refresh.put("type", "refresh");
        String refreshToken = jwt.sign(refresh, settings.refreshTokenSeconds());
        RefreshTokenRow row = new RefreshTokenRow();
        row.id = refreshId;
        row.tokenHash = Secrets.sha256(refreshToken);
        row.familyId = familyId;
        row.userId = user.id;
        row.accountId = user.accountId;
        row.createdAt = store.now();
        row.expiresAt = row.createdAt + settings.refreshTokenSeconds() * 1000;
        store.tokens.insertRefresh(row);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", jwt.sign(access, settings.accessTokenSeconds()));
        out.put("refresh_token", refreshToken);
        out.put("expires_in", settings.accessTokenSeconds());
        return out;
    }

    /**
     * @return a new pair for a valid, unrevoked refresh token whose user is still active
     * @throws io.snackbase.api.errors.ApiException 401 "Invalid or expired refresh token" for every failure
     */
    public Map<String, Object> refresh(String refreshToken) {
        // the family's revocation must commit even though the answer is a 401
        Optional<Map<String, Object>> pair = store.inTransaction(() -> {
            RefreshTokenRow row = validRow(refreshToken);
            long now = store.now();
            if (row.revokedAt != null || store.tokens.revokeRefresh(row.id, now) == 0) {
                // a rotated token came back: whoever holds the family is not to be trusted
                store.tokens.revokeFamily(row.familyId, now);
                return Optional.empty();
            }
            UserRow user = store.users.findById(row.userId);
            if (user == null || !Boolean.TRUE.equals(user.isActive) || !user.accountId.equals(row.accountId)) {
                return Optional.empty();
            }
            return Optional.of(issue(user, row.familyId));
        });
        return pair.orElseThrow(Sessions::invalid);
    }

    /** Revokes the family of a refresh token, when it is one of the user's (logout with a token). */
    public void revoke(String refreshToken, String userId) {
        try {
            RefreshTokenRow row = validRow(refreshToken);
            if (row.userId.equals(userId)) {
                store.tokens.revokeFamily(row.familyId, store.now());
            }
        } catch (RuntimeException e) {
            // logout never fails; an unknown token has nothing to revoke
        }
    }

    private RefreshTokenRow validRow(String refreshToken) {
        Map<String, Object> claims;
        try {
            claims = jwt.verify(refreshToken);
        } catch (TokenException e) {
            throw invalid();
        }
        if (!"refresh".equals(claims.get("type"))) {
            throw invalid();
        }
        RefreshTokenRow row = store.tokens.findRefresh(Secrets.sha256(refreshToken));
        if (row == null || row.expiresAt <= store.now()) {
            throw invalid();
        }
        return row;
    }

    static io.snackbase.api.errors.ApiException invalid() {
        return Problems.authenticationFailed("Invalid or expired refresh token");
    }
}
