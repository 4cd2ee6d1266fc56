package io.snackbase.jobs.internal;

import io.snackbase.jobs.internal.store.JobFilter;
import io.snackbase.jobs.internal.store.JobMapper;
import io.snackbase.jobs.internal.store.JobRow;
import io.snackbase.jobs.internal.store.JobStatus;
import io.snackbase.jobs.internal.store.StatusCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin API reads and changes: the list, one job, the counts per status, retry and
 * cancel. A retried job wakes the local workers. Thread-safe.
 */
public final class JobAdmin {

    /** What an admin change found. */
    public enum Outcome { DONE, NOT_FOUND, WRONG_STATUS }

    private final JobMapper mapper;
    private final JobStore store;
    private final Runnable wake;

    JobAdmin(JobStore store, Runnable wake) {
        this.mapper = store.mapper;
        this.store = store;
        this.wake = wake;
    }

    public List<JobRow> list(JobFilter filter) {
        return mapper.list(filter);
    }

    public long count(JobFilter filter) {
        return mapper.count(filter);
    }

    public Optional<JobRow> find(String id) {
        return Optional.ofNullable(mapper.findById(id));
    }

    /** @return every status (0 when none) in {@link JobStatus#ALL} order */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        JobStatus.ALL.forEach(status -> counts.put(status, 0L));
        for (StatusCount count : mapper.countByStatus()) {
            counts.put(count.status, count.total);
        }
        return counts;
    }

    /** @return the mean run time of the completed jobs still kept, or null when there is none */
    public Double averageDurationSeconds() {
        Double millis = mapper.averageDurationMillis();
        return millis == null ? null : millis / 1000.0;
    }

    /** Back to pending from scratch (attempts 0, no error, due now), from dead, failed or retrying. */
    public Outcome retry(String id) {
        if (mapper.retry(id, store.clock.millis()) == 1) {
            wake.run();
            return Outcome.DONE;
        }
        return find(id).isPresent() ? Outcome.WRONG_STATUS : Outcome.NOT_FOUND;
    }

    /** Deletes a pending job. */
    public Outcome cancel(String id) {
        if (mapper.cancel(id) == 1) {
            return Outcome.DONE;
        }
        return find(id).isPresent() ? Outcome.WRONG_STATUS : Outcome.NOT_FOUND;
    }
}
