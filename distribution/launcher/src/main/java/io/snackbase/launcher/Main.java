package io.snackbase.launcher;

import java.io.PrintStream;
import java.util.Map;

/** Entry point of {@code bin/snackbase}: picks the subcommand and turns its outcome into the exit code. */
public final class Main {

    /** Exit code for a wrong command line or a wrong environment variable. */
    static final int EXIT_USAGE = 2;

    /** Exit code for a failure while running, such as a bundle that cannot be installed. */
    static final int EXIT_FAILURE = 1;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs one command line to completion.
     *
     * @return the process exit code
     */
    static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (LauncherException e) {
            err.println("snackbase: " + e.getMessage());
            err.println();
            err.print(CommandLine.usage());
            return EXIT_USAGE;
        }
        try {
            return command.run(env, out, err);
        } catch (LauncherException e) {
            // Configuration mistakes are the operator's to fix: a clear line, no stack trace.
            err.println("snackbase: " + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            err.println("snackbase: failed: " + e);
            e.printStackTrace(err);
            return EXIT_FAILURE;
        }
    }
}
