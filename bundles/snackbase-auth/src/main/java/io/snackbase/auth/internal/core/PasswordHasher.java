package io.snackbase.auth.internal.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * computed with Bouncy Castle's maintained, pure-Java Argon2 (no native code to load in OSGi).
 *
 * <p>Verification reads the parameters from the stored string, so raising the cost later keeps
 * old hashes valid. Comparisons are constant-time. Thread-safe.
 */
public final class PasswordHasher {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    /** Verified when the user does not exist, so that the answer takes as long as for a real one. */
    private final String dummyHash;

    /**
     * @param memoryKib memory cost in KiB (OWASP's minimum for Argon2id is 19456 with t=2)
     * @param iterations time cost
     * @param parallelism lanes
     */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummyHash = hash("dummy password that matches nothing");
    }

    /** @return the PHC string of a fresh salted hash */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * @param password the candidate
     * @param stored a PHC string from {@link #hash}, or null for "no such user"
     * @return true when they match; false for null or malformed stored values (after the same work)
     */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? null : stored.split("\\$");
        if (parts == null || parts.length != 6 || !"argon2id".equals(parts[1])) {
            verify(password, dummyHash);
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int value = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = value;
                    case 't' -> t = value;
                    case 'p' -> p = value;
                    default -> throw new IllegalArgumentException(kv);
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = derive(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one verification; for unknown accounts and users. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes((password == null ? "" : password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
