package io.snackbase.auth.internal.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The key that signs every token: the configured one (refused when short or a well-known
 * default), else one generated on first start and kept in {@code data/token-secret} so that
 * restarts keep sessions valid. Several instances sharing a database must be given the same
 * configured secret.
 */
public final class SigningSecret {

    static final int MIN_LENGTH = 32;
    static final String FILE = "token-secret";
    private static final Set<String> KNOWN_DEFAULTS = Set.of("secret", "changeme", "change-me", "change_me", "snackbase",
            "your-secret-key", "your-secret-key-here", "dev-secret-key-change-in-production", "supersecret", "password",
            "changethis", "please-change-me", "default", "test", "jwt-secret", "secret-key");

    private SigningSecret() {}

    /**
     * @param configured the secret from configuration or {@code SNACKBASE_SECRET_KEY}, or null/blank
     * @param dataDir where a generated secret is kept
     * @return the key bytes
     * @throws IllegalArgumentException when the configured secret is refused
     * @throws IOException when a generated secret cannot be read or written
     */
    public static byte[] resolve(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            Optional<String> problem = problem(configured);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
        }
        Files.createDirectories(dataDir);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.bytes(48));
        Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the data folder's own permissions apply
        }
        Files.writeString(tmp, generated, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (!Files.exists(file)) {
                throw e;
            }
        }
        // another instance on the same home may have won the race; its secret is the one
        return Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
    }

    /** @return why a configured secret is refused, if it is */
    public static Optional<String> problem(String secret) {
        if (KNOWN_DEFAULTS.contains(secret.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("The token signing secret is a well-known default; set a random value of at least "
                    + MIN_LENGTH + " characters");
        }
        if (secret.length() < MIN_LENGTH) {
            return Optional.of("The token signing secret is too short: at least " + MIN_LENGTH + " characters are needed");
        }
        if (secret.chars().distinct().count() < 8) {
            return Optional.of("The token signing secret is not random enough");
        }
        return Optional.empty();
    }
}
