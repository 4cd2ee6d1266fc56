package io.snackbase.launcher;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code snackbase audit verify [--from ID]}: starts the instance's bundles on a private framework
 * cache and a free port with {@code snackbase.command=audit-verify}; the audit bundle walks the hash
 * chain of the configured database and writes {@code {"valid", "checked", "first_broken"}} to the
 * result file, which is printed. Exit 0 when the chain is intact, 1 when it is broken, 2 when it
 * could not be verified.
 */
final class AuditVerifyCommand implements Command {

    static final String USAGE = "audit verify [--from <id>]";

    private final Long fromId;

    AuditVerifyCommand(Long fromId) {
        this.fromId = fromId;
    }

    /** @return the id to start from, or null for the whole chain */
    Long fromId() {
        return fromId;
    }

    /** @throws LauncherException for anything but {@code audit verify [--from <positive id>]} */
    static AuditVerifyCommand parse(String[] args) throws LauncherException {
        if (args.length < 2 || !args[1].equals("verify")) {
            throw new LauncherException("audit takes the subcommand verify: " + USAGE);
        }
        Long from = null;
        for (int i = 2; i < args.length; i++) {
            if (!args[i].equals("--from") || i + 1 >= args.length || from != null) {
                throw new LauncherException("audit verify takes [--from <id>], got '" + args[i] + "'");
            }
            String value = args[++i];
            try {
                from = Long.parseLong(value);
            } catch (NumberFormatException e) {
                from = -1L;
            }
            if (from < 1) {
                throw new LauncherException("--from must be an entry id of at least 1, got '" + value + "'");
            }
        }
        return new AuditVerifyCommand(from);
    }

    @Override
    public int run(Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        String outcome = OneOffRun.run("audit-verify", env, properties -> {
            properties.put("snackbase.command", "audit-verify");
            if (fromId != null) {
                properties.put("snackbase.command.from", fromId.toString());
            }
        });
        return report(outcome, out, err);
    }

    /** Prints the audit bundle's result and turns it into the exit code. */
    static int report(String outcome, PrintStream out, PrintStream err) {
        if (outcome == null) {
            err.println("snackbase: the audit chain was not verified within " + OneOffRun.TIMEOUT_MILLIS / 1000
                    + " s; see logs/ for the reason (is the database reachable, is the audit bundle installed?)");
            return Main.EXIT_USAGE;
        }
        if (outcome.contains("\"valid\": true")) {
            out.println(outcome);
            return 0;
        }
        if (outcome.contains("\"valid\": false")) {
            out.println(outcome);
            return Main.EXIT_FAILURE;
        }
        err.println(outcome);
        return Main.EXIT_USAGE;
    }
}
