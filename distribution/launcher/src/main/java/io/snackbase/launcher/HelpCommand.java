package io.snackbase.launcher;

import java.io.PrintStream;
import java.util.Map;

/** {@code snackbase --help}: prints the usage text on standard output. */
final class HelpCommand implements Command {

    @Override
    public int run(Map<String, String> env, PrintStream out, PrintStream err) {
        out.print(CommandLine.usage());
        return 0;
    }
}
