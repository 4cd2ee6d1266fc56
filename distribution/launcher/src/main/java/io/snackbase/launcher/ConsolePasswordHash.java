package io.snackbase.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Hashes a Web Console password in the salted form Felix Web Console 5 verifies.
 *
 * <p>The form is {@code {sha-256}<hex salt>-<iterations>-<Base64 digest>}, where the digest is SHA-256
 * applied {@code iterations} times, first to the UTF-8 bytes of {@code salt + password} and then to the
 * previous digest (class {@code org.apache.felix.webconsole.internal.servlet.Password}). The algorithm
 * name must be lower case: the console lower-cases it before comparing.
 */
final class ConsolePasswordHash {

    static final String PREFIX = "{sha-256}";
    static final int ITERATIONS = 1000;
    private static final int SALT_BYTES = 8;

    private ConsolePasswordHash() {
    }

    static String hash(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, HexFormat.of().formatHex(salt), ITERATIONS);
    }

    static String hash(String password, String salt, int iterations) {
        byte[] digest = (salt + password).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = sha256();
        for (int i = 0; i < iterations; i++) {
            sha256.reset();
            digest = sha256.digest(digest);
        }
        return PREFIX + salt + "-" + iterations + "-" + Base64.getEncoder().encodeToString(digest);
    }

    /** Checks a password against a stored hash the way the console does; used to validate the stored file. */
    static boolean matches(String password, String storedHash) {
        if (!isWellFormed(storedHash)) {
            return false;
        }
        String[] parts = storedHash.substring(PREFIX.length()).split("-", 3);
        String expected = hash(password, parts[0], Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                storedHash.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isWellFormed(String storedHash) {
        return storedHash != null && storedHash.matches("\\{sha-256\\}[0-9a-f]+-[1-9][0-9]{0,6}-[A-Za-z0-9+/]+=*");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
