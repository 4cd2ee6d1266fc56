package io.snackbase.auth.internal.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures in URL-safe base64 without padding, as JWT HS256 and SnackBase tokens use them. */
final class Hmac {

    private final SecretKeySpec key;

    Hmac(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time; a non-canonical encoding of the right bytes is refused too, because the texts differ. */
    boolean verify(String signingInput, String signature) {
        return java.security.MessageDigest.isEqual(sign(signingInput).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
