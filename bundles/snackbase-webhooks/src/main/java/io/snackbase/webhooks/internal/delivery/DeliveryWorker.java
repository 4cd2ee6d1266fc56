package io.snackbase.webhooks.internal.delivery;

import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: one claiming thread takes due deliveries from the database (see {@link Claims}) for as many
 * free sending threads as there are, and sleeps until a local commit wakes it or the poll interval passes (for
 * retries, other instances' writes and the leases of crashed instances). Each attempt is sent outside any
 * transaction; its outcome goes to the {@link ResultWriter}, which records the outcomes in batches
 * ({@link Results}) and wakes the claimer after each. {@link #wake()} is cheap and thread-safe.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Claims claims;
    private final Attempts attempts;
    private final ResultWriter results;
    private final Duration pollInterval;
    private final int maxConcurrent;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightPerWebhook = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final Thread claimer;
    private volatile boolean running = true;

    public DeliveryWorker(DeliveryStore store, DeliverySettings settings, Attempts attempts,
            java.util.function.Consumer<Map<String, Object>> exhausted, Clock clock, String owner) {
        this.attempts = attempts;
        this.claims = new Claims(store, clock, settings.lease(), settings.maxPerWebhook(), owner);
        this.results = new ResultWriter(new Results(store, clock, settings.retrySchedule(), settings.autoDisableAfter(),
                exhausted), owner, this::wake);
        this.pollInterval = settings.pollInterval();
        this.maxConcurrent = settings.maxConcurrent();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(maxConcurrent, runnable -> {
            Thread thread = new Thread(runnable, "snackbase-webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.claimer = new Thread(this::run, "snackbase-webhook-claimer");
        this.claimer.setDaemon(true);
    }

    /** Starts the claiming and the recording thread. */
    public void start() {
        results.start();
        claimer.start();
    }

    /** Makes the claiming thread look for due deliveries now (called after a commit that wrote some). */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        while (running) {
            boolean more = false;
            try {
                int free = maxConcurrent - inFlight.get();
                if (free > 0) {
                    List<Claims.Claimed> claimed = claims.claim(free, this::inFlight);
                    claimed.forEach(this::dispatch);
                    more = claimed.size() == free;
                }
            } catch (RuntimeException e) {
                LOG.warn("Claiming webhook deliveries failed; retrying in {} ms", pollInterval.toMillis(), e);
            }
            if (!more) {
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private int inFlight(String webhookId) {
        AtomicInteger count = inFlightPerWebhook.get(webhookId);
        return count == null ? 0 : count.get();
    }

    private void dispatch(Claims.Claimed claimed) {
        String webhookId = claimed.delivery().webhookId;
        inFlight.incrementAndGet();
        inFlightPerWebhook.computeIfAbsent(webhookId, id -> new AtomicInteger()).incrementAndGet();
        senders.execute(() -> {
            try {
                send(claimed.delivery(), claimed.webhook());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: the lease runs out and the delivery is claimed again
            } catch (RuntimeException e) {
                // The lease runs out and the delivery is claimed again: nothing is lost.
                LOG.warn("Webhook delivery {} could not be completed; it is retried when its lease ends",
                        claimed.delivery().id, e);
            } finally {
                inFlightPerWebhook.get(webhookId).decrementAndGet();
                inFlight.decrementAndGet();
                wake(); // a slot is free
            }
        });
    }

    /** Sends a claimed delivery (read by the claim; a leased row is changed by nobody else). */
    private void send(DeliveryRow delivery, WebhookRow webhook) throws InterruptedException {
        if (webhook == null) {
            return; // deleted meanwhile, with its deliveries
        }
        Outcome outcome = Boolean.TRUE.equals(webhook.enabled)
                ? attempts.send(webhook, delivery)
                : new Outcome(null, null, "Webhook is disabled", 0);
        results.submit(new Results.Finished(webhook, delivery, outcome));
    }

    @Override
    public void close() {
        running = false;
        claimer.interrupt();
        senders.shutdownNow();
        try {
            claimer.join(5000);
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        results.close(); // after the senders, so that the outcomes they still had are recorded
    }
}
