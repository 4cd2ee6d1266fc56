package io.snackbase.hooks.internal;

import io.snackbase.api.hooks.HookAbortException;
import java.util.Map;

/** Owns the possible results of calling one handler once, for the chain to interpret. */
sealed interface CallOutcome {

    /** The handler returned; data is null when it kept the event data. */
    record Returned(Map<String, Object> data) implements CallOutcome {}

    /** The handler threw a {@link HookAbortException}. */
    record Aborted(HookAbortException abort) implements CallOutcome {}

    /** The handler (or running it) threw anything else. */
    record Failed(Throwable failure) implements CallOutcome {}

    /**
     * The caller stopped waiting: the time limit passed, or the waiting thread was interrupted.
     *
     * @param reason "timed out after N ms" or "interrupted"
     * @param inTransaction whether the caller's transaction was lent to the abandoned call
     * @param interrupted whether the waiting thread was interrupted (the chain must stop)
     */
    record Abandoned(String reason, boolean inTransaction, boolean interrupted) implements CallOutcome {}

    /** The service went away before it could be called; it does not count as run. */
    record Skipped() implements CallOutcome {}
}
