package io.snackbase.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.launch.Framework;

/**
 * {@code snackbase create-superadmin --email E [--password P]}: starts the instance's bundles on a
 * private framework cache and a free port, lets the auth bundle create the superadmin in the
 * configured database, prints the outcome and stops. The password comes from {@code --password},
 * else {@code SNACKBASE_SUPERADMIN_PASSWORD}, else the terminal (not echoed) or standard input.
 */
final class CreateSuperadminCommand implements Command {

    static final long TIMEOUT_MILLIS = 120_000;

    private final String email;
    private final String password;

    CreateSuperadminCommand(String email, String password) {
        this.email = email;
        this.password = password;
    }

    /** @throws LauncherException for unknown or incomplete options */
    static CreateSuperadminCommand parse(String[] args) throws LauncherException {
        String email = null;
        String password = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length || !(option.equals("--email") || option.equals("--password"))) {
                throw new LauncherException("create-superadmin takes --email <address> [--password <password>], got '" + option + "'");
            }
            if (option.equals("--email")) {
                email = args[++i];
            } else {
                password = args[++i];
            }
        }
        return new CreateSuperadminCommand(email, password);
    }

    @Override
    public int run(Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        String address = email != null ? email : env.get("SNACKBASE_SUPERADMIN_EMAIL");
        if (address == null || address.isBlank()) {
            throw new LauncherException("create-superadmin needs --email <address> (or SNACKBASE_SUPERADMIN_EMAIL)");
        }
        String secret = password != null ? password : env.get("SNACKBASE_SUPERADMIN_PASSWORD");
        if (secret == null || secret.isBlank()) {
            secret = readPassword(out);
        }
        LauncherSettings base = LauncherSettings.fromEnvironment(env, RunCommand.defaultHome());
        LauncherSettings settings = new LauncherSettings(base.home(), freePort(), base.environment());
        ConsoleCredentials console = RunCommand.prepare(settings, env);
        Path work = Files.createTempDirectory(settings.dataDir().resolve("tmp"), "create-superadmin");
        Path result = work.resolve("result");
        Map<String, String> properties = FrameworkProperties.of(settings, console);
        // a running instance owns data/felix-cache; this one-off framework gets its own
        properties.put("org.osgi.framework.storage", work.resolve("felix-cache").toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("snackbase.superadmin.email", address);
        properties.put("snackbase.superadmin.password", secret);
        properties.put("snackbase.command.result", result.toString());
        Framework framework = RunCommand.boot(properties, settings);
        try {
            framework.start();
            String outcome = await(result);
            if (outcome == null) {
                err.println("snackbase: the superadmin was not created within " + TIMEOUT_MILLIS / 1000
                        + " s; see logs/ for the reason (is the database reachable?)");
                return Main.EXIT_FAILURE;
            }
            (outcome.startsWith("error") ? err : out).println(outcome);
            return outcome.startsWith("error") ? Main.EXIT_USAGE : 0;
        } finally {
            framework.stop();
            framework.waitForStop(FrameworkShutdown.STOP_TIMEOUT_MILLIS);
            delete(work);
        }
    }

    private static String await(Path result) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(result) && Files.size(result) > 0) {
                return Files.readString(result, StandardCharsets.UTF_8).strip();
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static String readPassword(PrintStream out) throws Exception {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Superadmin password: ");
            return typed == null ? "" : new String(typed);
        }
        out.print("Superadmin password: ");
        out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary folder under data/tmp; left for the next clean-up
        }
    }
}
