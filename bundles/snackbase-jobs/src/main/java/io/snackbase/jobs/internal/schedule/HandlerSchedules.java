package io.snackbase.jobs.internal.schedule;

import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.jobs.internal.JobHandlerRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a schedule {@code handler:<topic>} for each job handler with a
 * {@value JobConstants#JOB_SCHEDULE}: each firing enqueues a job of the handler's first topic (queue
 * {@code scheduled}, empty payload). Schedules of handlers that are gone are removed, so the
 * instances sharing a database are expected to run the same plugins. Reconciles on a thread of its
 * own, after every handler change (the registry calls back on the registering thread).
 */
@Component(service = HandlerSchedules.class, immediate = true)
public class HandlerSchedules {

    static final String PREFIX = "handler:";
    static final String QUEUE = "scheduled";
    private static final Logger LOG = LoggerFactory.getLogger(HandlerSchedules.class);

    private final JobHandlerRegistry handlers;
    private final JobSchedulerImpl scheduler;
    private final Runnable onChange = this::requestReconcile;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "snackbase-handler-schedules");
        t.setDaemon(true);
        return t;
    });
    /** What this component last scheduled, so that an unchanged cron is not re-stored at every change. */
    private final Map<String, String> applied = new HashMap<>();

    @Activate
    public HandlerSchedules(@Reference JobHandlerRegistry handlers, @Reference JobSchedulerImpl scheduler) {
        this.handlers = handlers;
        this.scheduler = scheduler;
        handlers.addListener(onChange);
        requestReconcile();
    }

    @Deactivate
    void stop() throws InterruptedException {
        handlers.removeListener(onChange);
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Coalesces bursts of changes (a bundle registering several handlers) into one reconciliation. */
    private void requestReconcile() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                pending.set(false);
                reconcile();
            });
        }
    }

    /** Package-private for tests: brings the {@code handler:} schedules in line with the handlers now. */
    synchronized void reconcile() {
        Map<String, String> wanted = new HashMap<>();
        handlers.schedules().forEach((topic, cron) -> wanted.put(PREFIX + topic, cron));
        for (String id : scheduler.scheduleIds(PREFIX)) {
            if (!wanted.containsKey(id)) {
                scheduler.unschedule(id);
                applied.remove(id);
                LOG.info("Schedule {} removed: no handler declares it any more", id);
            }
        }
        wanted.forEach((id, cron) -> {
            if (cron.equals(applied.get(id)) && scheduler.nextRun(id).isPresent()) {
                return;
            }
            try {
                String topic = id.substring(PREFIX.length());
                scheduler.schedule(id, cron, JobRequest.of(topic, Map.of()).withQueue(QUEUE, 0));
                applied.put(id, cron);
            } catch (RuntimeException e) {
                LOG.error("Schedule {} ('{}') could not be stored; it does not fire", id, cron, e);
            }
        });
    }
}
