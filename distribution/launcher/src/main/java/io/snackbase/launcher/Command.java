package io.snackbase.launcher;

import java.io.PrintStream;
import java.util.Map;

/** One subcommand of {@code bin/snackbase}, such as {@code run} or {@code --help}. */
interface Command {

    /**
     * Runs the command.
     *
     * @param env the process environment (a parameter so that tests can pass their own)
     * @return the process exit code
     * @throws LauncherException for a configuration mistake the operator must fix (exit code 2)
     * @throws Exception for any other failure (exit code 1)
     */
    int run(Map<String, String> env, PrintStream out, PrintStream err) throws Exception;
}
