package io.snackbase.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.jobs.JobScheduler;
import io.snackbase.api.storage.TransactionManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The job queue and the Quartz scheduler in the real runtime (SQLite): a handler registered as a
 * service runs a job enqueued in a transaction after its commit, schedules are computed and kept,
 * a handler's {@code snackbase.job.schedule} becomes a schedule, and the admin API answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobsIT {

    private static final String SUPERADMIN = "root@jobs.example.com";
    private static final String SUPERADMIN_PASSWORD = "It-J0bs!Passw0rd";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return PaxExamRuntime.options(Map.of(), Map.of(
                "snackbase.superadmin.email", SUPERADMIN, "snackbase.superadmin.password", SUPERADMIN_PASSWORD));
    }

    @Test
    public void aJobEnqueuedInATransactionRunsOnAWorkerAfterCommitAndIsListedByTheAdminApi() throws Exception {
        BlockingQueue<Job> ran = new ArrayBlockingQueue<>(10);
        ServiceRegistration<JobHandler> handler = context.registerService(JobHandler.class, ran::add,
                new Hashtable<>(Map.of(JobConstants.JOB_TOPICS, "it.echo")));
        try {
            JobQueue queue = service(JobQueue.class);
            TransactionManager transactions = service(TransactionManager.class);
            String id = transactions.inTransaction(() -> queue.enqueue(JobRequest.of("it.echo", Map.of("n", 7))));
            Job job = ran.poll(10, TimeUnit.SECONDS);
            assertTrue("the job ran", job != null);
            assertEquals(id, job.id());
            assertEquals(Map.of("n", 7), job.payload());

            Http http = new Http(port());
            assertEquals(401, http.get("/api/v1/admin/jobs").statusCode());
            Map<String, String> root = Http.bearer(http.login("system", SUPERADMIN, SUPERADMIN_PASSWORD));
            HttpResponse<String> one = awaitBody(http, "/api/v1/admin/jobs/" + id, root, "\"status\":\"completed\"");
            assertTrue(one.body(), one.body().contains("\"handler\":\"it.echo\""));
            HttpResponse<String> list = http.get("/api/v1/admin/jobs?handler=it.echo", root);
            assertEquals(200, list.statusCode());
            assertTrue(list.body(), list.body().contains("\"total\":1"));
            assertEquals(200, http.get("/api/v1/admin/jobs/stats", root).statusCode());
            assertEquals(422, http.get("/api/v1/admin/jobs?limit=500", root).statusCode());
            assertEquals(404, http.send("POST", "/api/v1/admin/jobs/00000000-0000-4000-8000-000000000000/retry", null, root)
                    .statusCode());
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void schedulesAreComputedInUtcAndAHandlersScheduleIsCreated() throws Exception {
        JobScheduler scheduler = service(JobScheduler.class);
        Instant before = Instant.now();
        Instant next = scheduler.schedule("it:tick", "*/5 * * * *", JobRequest.of("it.tick", Map.of()));
        assertTrue(next.isAfter(before) && !next.isAfter(before.plus(5, ChronoUnit.MINUTES)));
        assertEquals(0, next.atZone(java.time.ZoneOffset.UTC).getMinute() % 5);
        assertEquals(Optional.of(next), scheduler.nextRun("it:tick"));
        scheduler.unschedule("it:tick");
        assertEquals(Optional.empty(), scheduler.nextRun("it:tick"));

        ServiceRegistration<JobHandler> nightly = context.registerService(JobHandler.class, job -> { },
                new Hashtable<>(Map.of(JobConstants.JOB_TOPICS, "it.nightly", JobConstants.JOB_SCHEDULE, "0 3 * * *")));
        try {
            Instant expected = scheduler.nextRunAfter("0 3 * * *", Instant.now());
            assertEquals(Optional.of(expected), await(() -> scheduler.nextRun("handler:it.nightly")));
        } finally {
            nightly.unregister();
        }
        assertEquals(Optional.empty(), awaitEmpty(() -> scheduler.nextRun("handler:it.nightly")));
    }

    private <S> S service(Class<S> type) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var refs = context.getServiceReferences(type, "(snackbase.impl=default)");
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No " + type.getName() + " service within 30 s");
    }

    private static Optional<Instant> await(Supplier<Optional<Instant>> value) throws InterruptedException {
        for (int i = 0; i < 100 && value.get().isEmpty(); i++) {
            Thread.sleep(50);
        }
        return value.get();
    }

    private static Optional<Instant> awaitEmpty(Supplier<Optional<Instant>> value) throws InterruptedException {
        for (int i = 0; i < 100 && value.get().isPresent(); i++) {
            Thread.sleep(50);
        }
        return value.get();
    }

    private static HttpResponse<String> awaitBody(Http http, String path, Map<String, String> headers, String expected)
            throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 100; i++) {
            last = http.get(path, headers);
            if (last.statusCode() == 200 && last.body().contains(expected)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + ": " + last.statusCode() + " " + last.body());
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }
}
