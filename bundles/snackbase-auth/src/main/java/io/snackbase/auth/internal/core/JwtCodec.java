package io.snackbase.auth.internal.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JWTs signed with HS256 and issuer {@code snackbase}. Verification accepts only the header
 * {@code alg=HS256} (never {@code none} or another algorithm), checks the signature in constant
 * time, then the issuer and the expiry. Thread-safe.
 */
public final class JwtCodec {

    public static final String ISSUER = "snackbase";
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Hmac hmac;
    private final Clock clock;

    public JwtCodec(byte[] secret, Clock clock) {
        this.hmac = new Hmac(secret);
        this.clock = clock;
    }

    /**
     * @param claims the claims; {@code iss}, {@code iat} and {@code exp} are added
     * @param lifetimeSeconds seconds until {@code exp}
     * @return the compact token
     */
    public String sign(Map<String, Object> claims, long lifetimeSeconds) {
        long now = clock.millis() / 1000;
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("iss", ISSUER);
        all.putAll(claims);
        all.put("iat", now);
        all.put("exp", now + lifetimeSeconds);
        try {
            String input = HEADER + "." + b64(JSON.writeValueAsBytes(all));
            return input + "." + hmac.sign(input);
        } catch (Exception e) {
            throw new IllegalStateException("Claims must be JSON", e);
        }
    }

    /**
     * @param token a compact JWT
     * @return its claims
     * @throws TokenException "Invalid token" or "Token has expired"
     */
    public Map<String, Object> verify(String token) throws TokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenException("Invalid token");
        }
        Map<String, Object> header = decode(parts[0]);
        if (!"HS256".equals(header.get("alg")) || !hmac.verify(parts[0] + "." + parts[1], parts[2])) {
            throw new TokenException("Invalid token");
        }
        Map<String, Object> claims = decode(parts[1]);
        if (!ISSUER.equals(claims.get("iss")) || !(claims.get("exp") instanceof Number exp)) {
            throw new TokenException("Invalid token");
        }
        if (exp.longValue() * 1000 <= clock.millis()) {
            throw new TokenException("Token has expired");
        }
        return claims;
    }

    private static Map<String, Object> decode(String part) throws TokenException {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(part), MAP);
        } catch (Exception e) {
            throw new TokenException("Invalid token");
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
