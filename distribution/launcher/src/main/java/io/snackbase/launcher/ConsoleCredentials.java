package io.snackbase.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Decides the Felix Web Console user and password hash, so that a fresh instance never accepts admin/admin.
 *
 * <p>An explicit {@code SNACKBASE_CONSOLE_PASSWORD} wins; otherwise the hash stored in
 * {@code data/console-credentials} is reused; otherwise a random password is generated, its hash stored
 * (mode 0600) and the password itself shown once through {@link #announce(PrintStream)}.
 */
final class ConsoleCredentials {

    static final String FILE_NAME = "console-credentials";
    static final String DEFAULT_USERNAME = "admin";
    static final int MINIMUM_PASSWORD_LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;

    private final String username;
    private final String passwordHash;
    private final String generatedPassword;

    private ConsoleCredentials(String username, String passwordHash, String generatedPassword) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.generatedPassword = generatedPassword;
    }

    static ConsoleCredentials resolve(Map<String, String> env, Path dataDir, SecureRandom random)
            throws LauncherException, IOException {
        String username = LauncherSettings.value(env, "SNACKBASE_CONSOLE_USERNAME");
        username = username == null ? DEFAULT_USERNAME : username;
        String explicit = env.get("SNACKBASE_CONSOLE_PASSWORD");
        if (explicit != null && !explicit.isEmpty()) {
            if (explicit.length() < MINIMUM_PASSWORD_LENGTH) {
                throw new LauncherException("SNACKBASE_CONSOLE_PASSWORD must have at least "
                        + MINIMUM_PASSWORD_LENGTH + " characters");
            }
            return new ConsoleCredentials(username, ConsolePasswordHash.hash(explicit, random), null);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new ConsoleCredentials(username, readStoredHash(file), null);
        }
        String password = generatePassword(random);
        String hash = ConsolePasswordHash.hash(password, random);
        store(file, hash);
        return new ConsoleCredentials(username, hash, password);
    }

    static String generatePassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String readStoredHash(Path file) throws IOException, LauncherException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                if (ConsolePasswordHash.isWellFormed(trimmed)) {
                    return trimmed;
                }
                break;
            }
        }
        throw new LauncherException(file + " holds no valid password hash; delete it to generate a new password");
    }

    private static void store(Path file, String hash) throws IOException {
        Files.createDirectories(file.getParent());
        String content = "# Felix Web Console password hash, generated on first start. Delete this file to get a new"
                + " password.\n" + hash + "\n";
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while the launcher was creating it", e);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** True only on the start that generated the password: the one time it can be shown. */
    boolean isNewlyGenerated() {
        return generatedPassword != null;
    }

    /** Shows a newly generated password once; on every other start prints nothing. */
    void announce(PrintStream out) {
        if (generatedPassword == null) {
            return;
        }
        out.println("==================================================================");
        out.println("Web Console: user " + username + ", password " + generatedPassword
                + " (shown once; stored hashed in data/" + FILE_NAME + ")");
        out.println("==================================================================");
    }
}
