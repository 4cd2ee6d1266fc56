package io.snackbase.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code snackbase create-superadmin --email E [--password P]}: starts the instance's bundles on a
 * private framework cache and a free port, lets the auth bundle create the superadmin in the
 * configured database, prints the outcome and stops. The password comes from {@code --password},
 * else {@code SNACKBASE_SUPERADMIN_PASSWORD}, else the terminal (not echoed) or standard input.
 */
final class CreateSuperadminCommand implements Command {

    static final long TIMEOUT_MILLIS = OneOffRun.TIMEOUT_MILLIS;

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
        String secret0 = secret;
        String outcome = OneOffRun.run("create-superadmin", env, properties -> {
            properties.put("snackbase.superadmin.email", address);
            properties.put("snackbase.superadmin.password", secret0);
        });
        if (outcome == null) {
            err.println("snackbase: the superadmin was not created within " + TIMEOUT_MILLIS / 1000
                    + " s; see logs/ for the reason (is the database reachable?)");
            return Main.EXIT_FAILURE;
        }
        (outcome.startsWith("error") ? err : out).println(outcome);
        return outcome.startsWith("error") ? Main.EXIT_USAGE : 0;
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
}
