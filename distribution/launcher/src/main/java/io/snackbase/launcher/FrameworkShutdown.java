package io.snackbase.launcher;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import sun.misc.Signal;

/**
 * Stops the framework on SIGTERM or Ctrl-C and reports "SnackBase stopped" exactly once.
 *
 * <p>The signal handler replaces the JVM's default one so that a clean stop exits with 0 instead of 143;
 * the shutdown hook is the fallback for every other way the JVM may end.
 */
final class FrameworkShutdown {

    static final long STOP_TIMEOUT_MILLIS = 20_000;

    private final Framework framework;
    private final PrintStream out;
    private final AtomicBoolean reported = new AtomicBoolean();

    private FrameworkShutdown(Framework framework, PrintStream out) {
        this.framework = framework;
        this.out = out;
    }

    static FrameworkShutdown install(Framework framework, PrintStream out) {
        FrameworkShutdown shutdown = new FrameworkShutdown(framework, out);
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), s -> shutdown.stopOnSignal());
            } catch (IllegalArgumentException e) {
                // The platform has no such signal (or the JVM reserves it): the shutdown hook still covers it.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::stopAndReport, "snackbase-shutdown-hook"));
        return shutdown;
    }

    /**
     * Blocks the main thread until the framework has stopped, whoever stopped it, and returns the exit code:
     * 2 when a bundle stopped it for a configuration error it named in the system property {@value #FATAL}.
     */
    int awaitStop() throws InterruptedException {
        framework.waitForStop(0);
        report();
        String fatal = System.getProperty(FATAL);
        if (fatal != null) {
            out.println("snackbase: " + fatal);
            out.flush();
            return Main.EXIT_USAGE;
        }
        return 0;
    }

    /** System property a bundle sets, before stopping the framework, to refuse a configuration (a weak secret). */
    static final String FATAL = "snackbase.fatal";

    private void stopOnSignal() {
        if (stopAndReport()) {
            System.exit(0);
        }
        out.println("SnackBase did not stop within " + STOP_TIMEOUT_MILLIS / 1000 + " s; exiting anyway");
        Runtime.getRuntime().halt(1);
    }

    /** Stops the framework and waits for it; returns false when it did not stop in time. */
    private boolean stopAndReport() {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                return false;
            }
        } catch (BundleException e) {
            out.println("SnackBase could not stop the framework: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        report();
        return true;
    }

    private void report() {
        if (reported.compareAndSet(false, true)) {
            out.println("SnackBase stopped");
            out.flush();
        }
    }
}
