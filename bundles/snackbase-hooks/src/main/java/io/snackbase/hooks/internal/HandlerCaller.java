package io.snackbase.hooks.internal;

import io.snackbase.api.hooks.HookAbortException;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.storage.TransactionBinding;
import io.snackbase.api.storage.TransactionManager;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Owns calling one handler once: on a pool thread, inside the caller's captured transaction,
 * while the caller waits at most the configured time.
 */
final class HandlerCaller {

    private final HandlerLocator locator;
    private final TransactionManager transactions;
    private final HookExecutor executor;
    private final long timeoutMs;

    /**
     * @param locator gives the service object of a registration
     * @param transactions the transaction manager, or null when none is bound (no transactions to join)
     * @param executor the pool handlers run on
     * @param timeoutMs how long the caller waits; 0 or less runs handlers on the caller's thread
     */
    HandlerCaller(HandlerLocator locator, TransactionManager transactions, HookExecutor executor, long timeoutMs) {
        this.locator = locator;
        this.transactions = transactions;
        this.executor = executor;
        this.timeoutMs = timeoutMs;
    }

    CallOutcome call(HookRegistration registration, HookEvent event, HookContext context) {
        LifecycleHookHandler handler;
        try {
            handler = locator.locate(registration.reference());
        } catch (RuntimeException e) {
            // A service factory that fails to produce the handler is the handler's failure.
            return new CallOutcome.Failed(e);
        }
        if (handler == null) {
            return new CallOutcome.Skipped();
        }
        // A nested dispatch from a handler would wait for the pool it is itself holding a thread
        // of; it runs inline instead, already inside the transaction and the outer call's limit.
        if (timeoutMs <= 0 || HookExecutor.onHookThread()) {
            return invoke(handler, event, context);
        }
        return callOnPool(handler, event, context);
    }

    private CallOutcome callOnPool(LifecycleHookHandler handler, HookEvent event, HookContext context) {
        TransactionManager manager = transactions;
        boolean inTransaction = manager != null && manager.isActive();
        TransactionBinding binding = manager == null ? null : manager.capture();
        Future<CallOutcome> call;
        try {
            call = executor.submit(() -> binding == null
                    ? invoke(handler, event, context)
                    : binding.call(() -> invoke(handler, event, context)));
        } catch (RejectedExecutionException e) {
            return new CallOutcome.Failed(new IllegalStateException("the hook dispatcher is stopping", e));
        }
        try {
            return call.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(call, binding);
            return new CallOutcome.Abandoned("timed out after " + timeoutMs + " ms", inTransaction, false);
        } catch (InterruptedException e) {
            abandon(call, binding);
            Thread.currentThread().interrupt();
            return new CallOutcome.Abandoned("interrupted while waiting for the handler", inTransaction, true);
        } catch (ExecutionException e) {
            // Only the binding itself can throw here (released, storage failure); invoke() catches.
            return new CallOutcome.Failed(e.getCause());
        } catch (CancellationException e) {
            return new CallOutcome.Failed(new IllegalStateException("the hook dispatcher stopped", e));
        }
    }

    private static void abandon(Future<CallOutcome> call, TransactionBinding binding) {
        call.cancel(true);
        if (binding != null) {
            // From here on the handler cannot start new work in the caller's transaction.
            binding.release();
        }
    }

    private static CallOutcome invoke(LifecycleHookHandler handler, HookEvent event, HookContext context) {
        try {
            return new CallOutcome.Returned(handler.handle(event, context));
        } catch (HookAbortException abort) {
            return new CallOutcome.Aborted(abort);
        } catch (Exception | LinkageError failure) {
            // LinkageError: a plugin bundle refreshed under a running handler.
            return new CallOutcome.Failed(failure);
        }
    }
}
