package io.snackbase.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCredentialsTest {

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path data;

    @Test
    void hashMatchesTheWebConsoleFormat() {
        // Computed outside Java: printf '%s' a1b2c3d4secret | sha256sum | xxd -r -p | base64
        assertThat(ConsolePasswordHash.hash("secret", "a1b2c3d4", 1))
                .isEqualTo("{sha-256}a1b2c3d4-1-07oDDPpyWICSZi8HCZpJ+0TUiga7a6sU2Xvs04o0Q9w=");
        String hash = ConsolePasswordHash.hash("secret", random);
        assertThat(hash).matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}=");
        assertThat(ConsolePasswordHash.matches("secret", hash)).isTrue();
        assertThat(ConsolePasswordHash.matches("Secret", hash)).isFalse();
    }

    @Test
    void firstStartGeneratesStoresAndAnnouncesOnce() throws Exception {
        ConsoleCredentials first = ConsoleCredentials.resolve(Map.of(), data, random);
        assertThat(first.username()).isEqualTo("admin");
        assertThat(first.isNewlyGenerated()).isTrue();
        String announced = announce(first);
        String password = announced.replaceAll("(?s).*password (\\S+) \\(shown once.*", "$1");
        assertThat(password).hasSize(24).isNotEqualTo("admin");
        assertThat(ConsolePasswordHash.matches(password, first.passwordHash())).isTrue();
        assertThat(ConsolePasswordHash.matches("admin", first.passwordHash())).isFalse();

        Path file = data.resolve("console-credentials");
        assertThat(Files.readString(file)).contains(first.passwordHash()).doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        ConsoleCredentials second = ConsoleCredentials.resolve(Map.of(), data, random);
        assertThat(second.passwordHash()).isEqualTo(first.passwordHash());
        assertThat(second.isNewlyGenerated()).isFalse();
        assertThat(announce(second)).isEmpty();
    }

    @Test
    void generatedPasswordsDiffer() {
        assertThat(ConsoleCredentials.generatePassword(random)).isNotEqualTo(ConsoleCredentials.generatePassword(random));
    }

    @Test
    void explicitPasswordWinsAndIsNotStored() throws Exception {
        ConsoleCredentials credentials = ConsoleCredentials.resolve(
                Map.of("SNACKBASE_CONSOLE_USERNAME", "ops", "SNACKBASE_CONSOLE_PASSWORD", "correct horse"), data, random);
        assertThat(credentials.username()).isEqualTo("ops");
        assertThat(ConsolePasswordHash.matches("correct horse", credentials.passwordHash())).isTrue();
        assertThat(credentials.isNewlyGenerated()).isFalse();
        assertThat(data.resolve("console-credentials")).doesNotExist();
    }

    @Test
    void shortExplicitPasswordIsRejected() {
        assertThatThrownBy(() -> ConsoleCredentials.resolve(Map.of("SNACKBASE_CONSOLE_PASSWORD", "admin"), data, random))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("at least 8 characters");
    }

    @Test
    void corruptStoredFileIsReportedNotReplaced() throws Exception {
        Files.writeString(data.resolve("console-credentials"), "admin\n");
        assertThatThrownBy(() -> ConsoleCredentials.resolve(Map.of(), data, random))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("no valid password hash");
    }

    private static String announce(ConsoleCredentials credentials) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        credentials.announce(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
