package io.snackbase.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void noArgumentAndRunBothStartTheInstance() throws Exception {
        assertThat(CommandLine.parse(new String[0])).isInstanceOf(RunCommand.class);
        assertThat(CommandLine.parse(new String[] {"run"})).isInstanceOf(RunCommand.class);
    }

    @Test
    void helpPrintsUsageOnStandardOutput() {
        int code = execute("--help");
        assertThat(code).isZero();
        assertThat(text(out)).startsWith("Usage: snackbase").contains("SNACKBASE_PORT");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void unknownCommandPrintsUsageOnStandardErrorAndExitsWithTwo() {
        int code = execute("serve");
        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("unknown command 'serve'").contains("Usage: snackbase");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void extraArgumentsAreRejected() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"run", "now"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("takes no arguments");
    }

    @Test
    void createSuperadminTakesAnEmailAndAnOptionalPassword() throws Exception {
        assertThat(CommandLine.parse(new String[] {"create-superadmin", "--email", "a@x.io"})).isInstanceOf(CreateSuperadminCommand.class);
        assertThat(CommandLine.parse(new String[] {"create-superadmin", "--email", "a@x.io", "--password", "p"}))
                .isInstanceOf(CreateSuperadminCommand.class);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"create-superadmin", "--mail", "a@x.io"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("--email <address>");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"create-superadmin", "--email"}))
                .isInstanceOf(LauncherException.class);
    }

    @Test
    void auditVerifyTakesAnOptionalStartingId() throws Exception {
        assertThat(CommandLine.parse(new String[] {"audit", "verify"})).isInstanceOfSatisfying(AuditVerifyCommand.class,
                c -> assertThat(c.fromId()).isNull());
        assertThat(CommandLine.parse(new String[] {"audit", "verify", "--from", "42"}))
                .isInstanceOfSatisfying(AuditVerifyCommand.class, c -> assertThat(c.fromId()).isEqualTo(42L));
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("audit verify [--from <id>]");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit", "check"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("subcommand verify");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit", "verify", "--from"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("[--from <id>]");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit", "verify", "--from", "0"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("at least 1, got '0'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit", "verify", "--from", "x"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("got 'x'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit", "verify", "--from", "1", "--from", "2"}))
                .isInstanceOf(LauncherException.class);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"audit", "verify", "--all"}))
                .isInstanceOf(LauncherException.class).hasMessageContaining("got '--all'");
    }

    @Test
    void auditVerifyExitsZeroWhenIntactOneWhenBrokenTwoWhenItCouldNotRun() {
        assertThat(AuditVerifyCommand.report("{\"valid\": true, \"checked\": 3, \"first_broken\": null}", print(out), print(err)))
                .isZero();
        assertThat(AuditVerifyCommand.report("{\"valid\": false, \"checked\": 2, \"first_broken\": {\"id\": 2, \"reason\": \"gap\"}}",
                print(out), print(err))).isEqualTo(1);
        assertThat(text(out)).contains("\"checked\": 3").contains("\"reason\": \"gap\"");
        assertThat(AuditVerifyCommand.report("{\"error\": \"no database\"}", print(out), print(err))).isEqualTo(2);
        assertThat(AuditVerifyCommand.report(null, print(out), print(err))).isEqualTo(2);
        assertThat(text(err)).contains("no database").contains("was not verified");
    }

    @Test
    void createSuperadminWithoutAnEmailExitsWithTwo() {
        int code = Main.execute(new String[] {"create-superadmin"}, Map.of(), print(out), print(err));
        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("create-superadmin needs --email");
    }

    @Test
    void badEnvironmentExitsWithTwoAndOneClearLine() {
        int code = Main.execute(new String[] {"run"}, Map.of("SNACKBASE_PORT", "abc"), print(out), print(err));
        assertThat(code).isEqualTo(2);
        assertThat(text(err).strip())
                .isEqualTo("snackbase: SNACKBASE_PORT must be a port number from 1 to 65535, got 'abc'");
    }

    private int execute(String... args) {
        return Main.execute(args, Map.of(), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
