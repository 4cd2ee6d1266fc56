package io.snackbase.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Maps the command line to a {@link Command}; a new subcommand is one more entry in {@link #COMMANDS}. */
final class CommandLine {

    private static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("--help", HelpCommand::new);
    }

    private CommandLine() {
    }

    /**
     * Chooses the command for these arguments; no argument means {@code run}.
     *
     * @throws LauncherException when the command is unknown or has arguments it does not take
     */
    static Command parse(String[] args) throws LauncherException {
        if (args.length == 0) {
            return new RunCommand();
        }
        String name = "-h".equals(args[0]) ? "--help" : args[0];
        if (name.equals("create-superadmin")) {
            return CreateSuperadminCommand.parse(args);
        }
        if (name.equals("audit")) {
            return AuditVerifyCommand.parse(args);
        }
        Supplier<Command> command = COMMANDS.get(name);
        if (command == null) {
            throw new LauncherException("unknown command '" + args[0] + "'");
        }
        if (args.length > 1) {
            throw new LauncherException("'" + args[0] + "' takes no arguments, got '" + args[1] + "'");
        }
        return command.get();
    }

    /** The usage text, printed by {@code --help} and after a wrong command line. */
    static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: snackbase [run | create-superadmin --email <address> [--password <password>] | audit verify [--from <id>] | --help]",
                "",
                "  run                start SnackBase in the foreground (the default); stop it with SIGTERM or Ctrl-C",
                "  create-superadmin  create a superadmin in the configured database (password from --password,",
                "                     SNACKBASE_SUPERADMIN_PASSWORD or the terminal) and exit",
                "  audit verify       check the audit log's hash chain in the configured database (from entry --from),",
                "                     print {valid, checked, first_broken} and exit 0 when intact, 1 when broken",
                "  --help             show this text",
                "",
                "Environment:",
                "  SNACKBASE_HOME              instance folder (default: the folder above lib/)",
                "  SNACKBASE_PORT              HTTP port (default 8090)",
                "  SNACKBASE_ENVIRONMENT       production (default) or development",
                "  SNACKBASE_CONSOLE_USERNAME  Web Console user (default admin)",
                "  SNACKBASE_CONSOLE_PASSWORD  Web Console password (default: generated on first start)",
                "  SNACKBASE_DB_URL            database (default: SQLite at data/snackbase.db)",
                "  SNACKBASE_SECRET_KEY        token signing secret, 32+ random characters (default: generated, data/token-secret)",
                "  SNACKBASE_SUPERADMIN_EMAIL, SNACKBASE_SUPERADMIN_PASSWORD  superadmin created at start when missing",
                "  JAVA_OPTS                   extra JVM options, read by bin/snackbase",
                "");
    }
}
