package io.snackbase.automation.internal.run;

import java.util.function.Supplier;

/**
 * How deep in hook-triggered work the current thread is: 0 for a client's write, n+1 while the
 * actions of a run at depth n execute. The record write listener reads it on the writing thread
 * (actions write synchronously) and carries it in the job of the hook runs it enqueues, so that a
 * hook that triggers itself stops at {@link io.snackbase.api.actions.ActionConstants#MAX_DEPTH}.
 * Private to this bundle: plugins get the depth from {@link io.snackbase.api.actions.ActionContext}.
 */
public final class HookDepth {

    private static final ThreadLocal<Integer> DEPTH = new ThreadLocal<>();

    private HookDepth() {}

    /** @return the depth of work on this thread; 0 outside hook actions */
    public static int current() {
        Integer depth = DEPTH.get();
        return depth == null ? 0 : depth;
    }

    /** Runs work at a depth, restoring the previous one after. */
    static <T> T at(int depth, Supplier<T> work) {
        Integer previous = DEPTH.get();
        DEPTH.set(depth);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                DEPTH.remove();
            } else {
                DEPTH.set(previous);
            }
        }
    }
}
