package io.snackbase.audit.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's one sealing thread: seals the outbox when a write commits ({@link #signal()},
 * coalescing: signals that arrive while a round runs cause one more round, not one each) and on a
 * poll, so that rows left by a crashed instance or committed by another instance are sealed too.
 * A failing round (database down, a lost race) is logged once per run of failures and retried on
 * the next signal or poll; the rows stay pending meanwhile, never lost.
 */
final class SealingLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SealingLoop.class);

    private final Runnable round;
    private final long pollNanos;
    private final Thread thread;
    private volatile boolean signalled;
    private volatile boolean running = true;

    /**
     * @param round seals what is pending (and hands it to the sinks)
     * @param pollMillis the longest wait between rounds without a signal
     */
    SealingLoop(Runnable round, long pollMillis) {
        this.round = round;
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
        this.thread = new Thread(this::run, "snackbase-audit-sealer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** A write with audit rows committed: seal soon. Cheap when a round is already due. */
    void signal() {
        if (!signalled) {
            signalled = true;
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        boolean failing = false;
        while (running) {
            signalled = false;
            try {
                round.run();
                if (failing) {
                    LOG.info("Audit sealing works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("Audit sealing failed; the entries stay pending and are sealed on a later round", e);
                    failing = true;
                }
            }
            if (!signalled && running) {
                LockSupport.parkNanos(this, pollNanos);
            }
        }
    }

    /** Stops the thread after its current round (waits for it up to 10 s). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
