package io.snackbase.audit.internal;

import io.snackbase.audit.internal.chain.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/snackbase audit verify}: when the framework property {@value #COMMAND_PROPERTY} is
 * {@value #COMMAND}, verifies the chain from {@value #FROM_PROPERTY} (optional) and writes the
 * outcome as one line of JSON to the file named by {@value #RESULT_PROPERTY}, for the launcher to
 * print. A failure to verify is written as {@code {"error": "..."}}.
 */
@Component(immediate = true, service = {})
public class VerifyCommand {

    public static final String COMMAND_PROPERTY = "snackbase.command";
    public static final String COMMAND = "audit-verify";
    public static final String FROM_PROPERTY = "snackbase.command.from";
    public static final String RESULT_PROPERTY = "snackbase.command.result";

    private static final Logger LOG = LoggerFactory.getLogger(VerifyCommand.class);

    @Activate
    public VerifyCommand(@Reference AuditServiceImpl audit, BundleContext context) {
        if (!COMMAND.equals(context.getProperty(COMMAND_PROPERTY))) {
            return;
        }
        String from = context.getProperty(FROM_PROPERTY);
        String result = context.getProperty(RESULT_PROPERTY);
        // off the activating thread: a long chain must not hold up the framework's start
        Thread worker = new Thread(() -> write(result, run(audit, from)), "snackbase-audit-verify");
        worker.setDaemon(true);
        worker.start();
    }

    static String run(AuditServiceImpl audit, String from) {
        try {
            Long fromId = from == null || from.isBlank() ? null : Long.valueOf(from.trim());
            Verification outcome = audit.verify(fromId);
            LOG.info("Audit chain verification: {}", outcome.json());
            return outcome.json();
        } catch (RuntimeException e) {
            LOG.error("Audit chain verification failed", e);
            StringBuilder message = new StringBuilder();
            io.snackbase.audit.internal.chain.Canonical.string(message, String.valueOf(e.getMessage()));
            return "{\"error\": " + message + "}";
        }
    }

    private static void write(String result, String outcome) {
        if (result == null || result.isBlank()) {
            return;
        }
        try {
            Path file = Path.of(result);
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(partial, outcome + System.lineSeparator(), StandardCharsets.UTF_8);
            // the launcher polls for a non-empty file: it must never see half a line
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Cannot write the command result to {}", result, e);
        }
    }
}
