package io.snackbase.records.internal.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DDL statements run in order, each with the statements that undo it. On PostgreSQL and SQLite
 * DDL is part of the transaction, and a rollback undoes it; on MariaDB every DDL statement commits
 * at once, so a later failure is compensated by running the undo statements of the steps done, in
 * reverse order.
 */
final class DdlSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DdlSteps.class);

    private record Step(List<String> run, List<String> undo) {}

    private final CollectionStore store;
    private final List<Step> steps = new ArrayList<>();
    private final Deque<Step> done = new ArrayDeque<>();

    DdlSteps(CollectionStore store) {
        this.store = store;
    }

    /** Adds a step. */
    DdlSteps add(List<String> run, List<String> undo) {
        steps.add(new Step(run, undo));
        return this;
    }

    /** Runs every step on the calling thread's transaction; remembers what ran. */
    void run() {
        for (Step step : steps) {
            for (String sql : step.run) {
                store.tables.execute(sql);
            }
            done.push(step);
        }
    }

    /**
     * After the work failed: undoes what ran where DDL had committed. A failing undo is logged, not
     * thrown, so that the original failure reaches the caller.
     */
    void compensate() {
        if (!store.dialect().ddlAutoCommits()) {
            return;
        }
        while (!done.isEmpty()) {
            Step step = done.pop();
            for (String sql : step.undo) {
                try {
                    store.tables.execute(sql);
                } catch (RuntimeException e) {
                    LOG.error("Could not undo a collection schema change with {}: {}", sql, e.getMessage(), e);
                }
            }
        }
    }
}
