package io.snackbase.automation.internal;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.jobs.JobScheduler;
import io.snackbase.api.storage.TransactionManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-memory job queue and scheduler with the contract's transaction semantics: a job enqueued
 * inside a transaction becomes visible at its commit and is dropped by its rollback. The test
 * drains the queue as a worker would, and fires schedules by hand.
 */
final class FakeJobs implements JobQueue, JobScheduler {

    record Stored(String id, JobRequest request) {}

    private final TransactionManager transactions;
    final List<Stored> pending = new ArrayList<>();
    final List<Stored> all = new ArrayList<>();
    final Map<String, String> crons = new LinkedHashMap<>();
    final Map<String, JobRequest> scheduled = new LinkedHashMap<>();

    FakeJobs(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized String enqueue(JobRequest request) {
        Stored job = new Stored(UUID.randomUUID().toString(), request);
        if (transactions.isActive()) {
            transactions.afterCommit(() -> add(job));
        } else {
            add(job);
        }
        return job.id();
    }

    private synchronized void add(Stored job) {
        pending.add(job);
        all.add(job);
    }

    /** Runs pending jobs (and the jobs they enqueue) until none is left or the cap is reached; returns how many ran. */
    int drain(JobHandler handler, int cap) throws Exception {
        int ran = 0;
        while (ran < cap) {
            Stored next;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return ran;
                }
                next = pending.remove(0);
            }
            handler.handle(new Job(next.id(), next.request().topic(), next.request().accountId(),
                    io.snackbase.automation.internal.Json.object(io.snackbase.automation.internal.Json.write(next.request().payload())), 1));
            ran++;
        }
        return ran;
    }

    /** Enqueues the job of a schedule, as a firing would. */
    String fire(String scheduleId) {
        JobRequest job = scheduled.get(scheduleId);
        if (job == null) {
            throw new AssertionError("no schedule " + scheduleId);
        }
        return enqueue(job);
    }

    @Override
    public synchronized Instant schedule(String scheduleId, String cron, JobRequest job) {
        Instant next = nextRunAfter(cron, Instant.now());
        crons.put(scheduleId, cron);
        scheduled.put(scheduleId, job);
        return next;
    }

    @Override
    public synchronized void unschedule(String scheduleId) {
        crons.remove(scheduleId);
        scheduled.remove(scheduleId);
    }

    @Override
    public synchronized Optional<Instant> nextRun(String scheduleId) {
        return Optional.ofNullable(crons.get(scheduleId)).map(c -> nextRunAfter(c, Instant.now()));
    }

    /** Accepts 5 fields of digits, names, *, - , and /; the next run is the next whole minute. */
    @Override
    public Instant nextRunAfter(String cron, Instant after) {
        String[] fields = cron == null ? new String[0] : cron.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week), found " + fields.length);
        }
        if (!fields[0].matches("[0-9*,/-]+") || fields[0].matches(".*\\b([6-9][0-9]|[0-9]{3,})\\b.*")) {
            throw new IllegalArgumentException("minute field '" + fields[0] + "': out of range 0-59");
        }
        return after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }
}
