package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static io.snackbase.auth.internal.AuthFixture.anonymous;
import static io.snackbase.auth.internal.service.RegistrationTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.auth.internal.core.JwtCodec;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.SnackbaseTokenCodec;
import io.snackbase.auth.internal.store.ApiKeyRow;
import io.snackbase.auth.internal.store.UserRow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Forged, tampered and cross-account credentials are refused with the contract's reasons. */
class RequestAuthenticatorTest {

    private AuthFixture fx;

    static List<DatabaseKind> kinds() {
        return AuthFixture.kinds();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private String accessToken(UserRow user) {
        return (String) fx.auth.login.login(user.accountId, user.email, STRONG_PASSWORD, null, anonymous()).get("token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void forgedAndTamperedTokensAreInvalid(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        String token = accessToken(ann);
        String[] parts = token.split("\\.");

        String otherKey = new JwtCodec("another-key-entirely-0123456789-abcdef".getBytes(StandardCharsets.UTF_8), fx.clock)
                .sign(Map.of("sub", ann.id, "user_id", ann.id, "account_id", ann.accountId, "email", ann.email, "role", "admin",
                        "type", "access"), 3600);
        assertStatus(() -> fx.auth.authenticator.bearer(otherKey), 401, "Invalid token");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertStatus(() -> fx.auth.authenticator.bearer(none), 401, "Invalid token");
        String payloadSwapped = parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"admin\"", "\"role\":\"superadmin\"")) + "." + parts[2];
        assertStatus(() -> fx.auth.authenticator.bearer(payloadSwapped), 401, "Invalid token");
        assertStatus(() -> fx.auth.authenticator.bearer("eyJ.not.a.jwt"), 401, "Invalid token");
        assertStatus(() -> fx.auth.authenticator.bearer(""), 401, "Invalid token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aValidlySignedTokenForAnotherAccountIsRefused(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        UserRow olga = fx.verifiedAdmin("Other", "olga@example.com");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", ann.id);
        claims.put("user_id", ann.id);
        claims.put("account_id", olga.accountId);
        claims.put("email", ann.email);
        claims.put("role", "admin");
        claims.put("type", "access");
        String swapped = fx.auth.jwt.sign(claims, 3600);
        assertStatus(() -> fx.auth.authenticator.bearer(swapped), 401, "User does not belong to the specifying account");
        claims.put("account_id", Principal.SYSTEM_ACCOUNT_ID);
        String escalated = fx.auth.jwt.sign(claims, 3600);
        assertStatus(() -> fx.auth.authenticator.bearer(escalated), 401, "User does not belong to the specifying account");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void apiKeysAuthenticateUntilRevokedOrExpired(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow root = fx.auth.users.insert(Principal.SYSTEM_ACCOUNT_ID, "root@example.com", STRONG_PASSWORD, Users.ADMIN_ROLE, true, "password");
        String keyId = UUID.randomUUID().toString();
        String key = fx.auth.snackbaseTokens.issueApiKey(keyId, root.id, root.email, root.accountId, "admin", null);
        ApiKeyRow row = new ApiKeyRow();
        row.id = keyId;
        row.name = "ci";
        row.keyHash = Secrets.sha256(key);
        row.userId = root.id;
        row.isActive = true;
        row.createdAt = fx.clock.millis();
        row.updatedAt = row.createdAt;
        fx.auth.store.apiKeys.insert(row);

        Principal p = fx.auth.authenticator.headerKey(key);
        assertThat(p.isSuperadmin()).isTrue();
        assertThat(p.authMethod()).isEqualTo("api_key");
        assertThat(fx.auth.authenticator.bearer(key).userId()).isEqualTo(root.id);
        assertThat(fx.auth.store.apiKeys.findById(keyId).lastUsedAt).isEqualTo(fx.clock.millis());

        assertStatus(() -> fx.auth.authenticator.headerKey(key.substring(0, key.length() - 2) + "xx"), 401, "Invalid token");
        assertStatus(() -> fx.auth.authenticator.headerKey("sb_sk_legacy"), 401, "Invalid API key");
        assertStatus(() -> fx.auth.authenticator.headerKey("whatever"), 401, "Invalid API key format");
        String unknown = fx.auth.snackbaseTokens.issueApiKey(UUID.randomUUID().toString(), root.id, root.email, root.accountId, "admin", null);
        assertStatus(() -> fx.auth.authenticator.headerKey(unknown), 401, "Invalid API key");

        fx.auth.store.tokens.revokeTokenId(keyId, fx.clock.millis(), null);
        fx.auth.store.apiKeys.deactivate(keyId, fx.clock.millis());
        assertStatus(() -> fx.auth.authenticator.headerKey(key), 401, "Token has been revoked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anExpiredApiKeyIsRefused(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow root = fx.auth.users.insert(Principal.SYSTEM_ACCOUNT_ID, "root@example.com", STRONG_PASSWORD, Users.ADMIN_ROLE, true, "password");
        String key = fx.auth.snackbaseTokens.issueApiKey("k1", root.id, root.email, root.accountId, "admin", fx.clock.millis() + 60_000);
        fx.clock.advanceSeconds(61);
        assertStatus(() -> fx.auth.authenticator.headerKey(key), 401, "Token has expired");
        assertThat(SnackbaseTokenCodec.isSnackbaseToken(key)).isTrue();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
