package io.snackbase.webhooks.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcomes the sending threads hand over, on one thread, as many per transaction as have queued up
 * meanwhile (group commit). A sender is free for its next attempt as soon as the receiver answered, instead of
 * holding a database connection through a commit of its own; when the database is the slow part, one commit for
 * a batch is what keeps the delivery rate up. An outcome that is never recorded (crash, database error) loses
 * nothing: the delivery's lease runs out and it is sent again.
 */
final class ResultWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultWriter.class);
    private static final int MAX_BATCH = 64;
    private static final long IDLE_CHECK_MILLIS = 200;
    /**
     * Outcomes waiting at most. A sender that finds the queue full waits, keeping its slot, so the claimer takes
     * no more work than the database can record (instead of the queue growing and the leases running out).
     */
    private static final int MAX_WAITING = 1024;

    private final Results results;
    private final String owner;
    private final Runnable afterBatch;
    private final BlockingQueue<Results.Finished> queue = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param owner the lease owner the outcomes are recorded as
     * @param afterBatch runs after each batch (wakes the claimer: later deliveries of the same records are due now)
     */
    ResultWriter(Results results, String owner, Runnable afterBatch) {
        this.results = results;
        this.owner = owner;
        this.afterBatch = afterBatch;
        this.thread = new Thread(this::run, "snackbase-webhook-results");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues an outcome; thread-safe. Blocks while {@value #MAX_WAITING} are waiting.
     *
     * @throws InterruptedException when stopping: the outcome is dropped and the delivery's lease runs out
     */
    void submit(Results.Finished finished) throws InterruptedException {
        queue.put(finished);
    }

    private void run() {
        List<Results.Finished> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Results.Finished first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                afterBatch.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Results.Finished> batch) {
        try {
            results.recordAll(batch, owner);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                warn(batch.get(0), e);
                return;
            }
            // One outcome that cannot be stored must not take the others with it.
            for (Results.Finished finished : batch) {
                try {
                    results.recordAll(List.of(finished), owner);
                } catch (RuntimeException again) {
                    warn(finished, again);
                }
            }
        }
    }

    private static void warn(Results.Finished finished, RuntimeException e) {
        LOG.warn("The outcome of webhook delivery {} could not be stored; it is sent again when its lease ends",
                finished.delivery().id, e);
    }

    /** Stops after recording what is queued, waiting at most a few seconds. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
