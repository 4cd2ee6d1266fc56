package io.snackbase.auth.internal.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SnackBase tokens {@code <prefix>.<base64url payload>.<base64url HMAC-SHA256>} (API keys are
 * {@code sb_ak}). The prefix must agree with the payload's {@code type}; the signature is checked
 * in constant time over the exact text, so a non-canonical encoding fails. Thread-safe.
 */
public final class SnackbaseTokenCodec {

    static final Map<String, String> TYPES = Map.of("sb_ak", "api_key", "sb_pt", "personal_token", "sb_ot", "oauth", "sb_jwt", "jwt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Hmac hmac;
    private final Clock clock;

    public SnackbaseTokenCodec(byte[] secret, Clock clock) {
        this.hmac = new Hmac(secret);
        this.clock = clock;
    }

    /** @return true when the text looks like a SnackBase token (its prefix is known) */
    public static boolean isSnackbaseToken(String token) {
        int dot = token.indexOf('.');
        return dot > 0 && TYPES.containsKey(token.substring(0, dot));
    }

    /**
     * @return a signed API key for the user, with the key id as {@code token_id}
     */
    public String issueApiKey(String keyId, String userId, String email, String accountId, String role, Long expiresAtMillis) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", 1);
        payload.put("type", "api_key");
        payload.put("user_id", userId);
        payload.put("email", email);
        payload.put("account_id", accountId);
        payload.put("role", role);
        payload.put("permissions", List.of());
        payload.put("issued_at", clock.millis() / 1000);
        payload.put("expires_at", expiresAtMillis == null ? null : expiresAtMillis / 1000);
        payload.put("token_id", keyId);
        try {
            String input = "sb_ak." + JwtCodec.b64(JSON.writeValueAsBytes(payload));
            return input + "." + hmac.sign(input);
        } catch (Exception e) {
            throw new IllegalStateException("Payload must be JSON", e);
        }
    }

    /**
     * @return the payload of a valid token
     * @throws TokenException "Invalid token" (shape, signature, prefix/type) or "Token has expired"
     */
    public Map<String, Object> verify(String token) throws TokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !TYPES.containsKey(parts[0]) || !hmac.verify(parts[0] + "." + parts[1], parts[2])) {
            throw new TokenException("Invalid token");
        }
        Map<String, Object> payload;
        try {
            payload = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), MAP);
        } catch (Exception e) {
            throw new TokenException("Invalid token");
        }
        if (!TYPES.get(parts[0]).equals(payload.get("type")) || !(payload.get("token_id") instanceof String)) {
            throw new TokenException("Invalid token");
        }
        if (payload.get("expires_at") instanceof Number expires && expires.longValue() * 1000 <= clock.millis()) {
            throw new TokenException("Token has expired");
        }
        return payload;
    }
}
