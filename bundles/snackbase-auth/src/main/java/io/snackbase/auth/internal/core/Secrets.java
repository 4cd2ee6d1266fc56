package io.snackbase.auth.internal.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and their SHA-256 digests: what is stored of a token is its digest, never the token. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** @return 32 random bytes, URL-safe base64 without padding (43 characters) */
    public static String urlToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** @return 32 random bytes as 64 lower-case hex characters */
    public static String hexToken() {
        return HexFormat.of().formatHex(bytes(32));
    }

    /** @return n random bytes */
    public static byte[] bytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    /** @return the SHA-256 of the text as 64 lower-case hex characters */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
