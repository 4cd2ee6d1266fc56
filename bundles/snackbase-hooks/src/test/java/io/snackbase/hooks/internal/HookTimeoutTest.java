package io.snackbase.hooks.internal;

import static io.snackbase.api.hooks.HookEvents.ON_RECORD_AFTER_CREATE;
import static io.snackbase.api.hooks.HookEvents.ON_RECORD_BEFORE_CREATE;
import static io.snackbase.hooks.internal.HookChainSemanticsTest.label;
import static io.snackbase.hooks.internal.HookDispatcherImplTest.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.LifecycleHookHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

class HookTimeoutTest {

    private final FakeServices services = new FakeServices();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowInterrupted = new CountDownLatch(1);
    private HookDispatcherImpl dispatcher;

    @AfterEach
    void stop() {
        dispatcher.deactivate();
    }

    @Test
    void aSlowHandlerIsAbandonedAndRecordedAndTheAfterChainGoesOn() throws InterruptedException {
        dispatcher = new HookDispatcherImpl(services, null, 200, 4);
        ServiceReference<LifecycleHookHandler> slow = bind(10, slowHandler());
        bind(0, recording("next"));

        long start = System.nanoTime();
        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_AFTER_CREATE, "orders", Map.of()), CONTEXT);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMs).isBetween(200L, 1500L);
        assertThat(result.aborted()).isFalse();
        assertThat(result.handlersRun()).isEqualTo(2);
        assertThat(result.errors()).containsExactly(label(slow) + ": timed out after 200 ms");
        assertThat(calls).containsExactly("next");
        // cancel(true) interrupts the abandoned handler so that it can stop early.
        assertThat(slowInterrupted.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSlowBeforeHandlerOutsideATransactionIsRecordedAndTheChainGoesOn() {
        dispatcher = new HookDispatcherImpl(services, new FakeTransactions(false), 200, 4);
        bind(10, slowHandler());
        bind(0, recording("next"));

        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(result.aborted()).isFalse();
        assertThat(result.errors()).singleElement().asString().endsWith("timed out after 200 ms");
        assertThat(calls).containsExactly("next");
    }

    @Test
    void aSlowBeforeHandlerInsideATransactionAbortsWith503AndReleasesTheTransaction() {
        FakeTransactions transactions = new FakeTransactions(true);
        dispatcher = new HookDispatcherImpl(services, transactions, 200, 4);
        List<Boolean> boundInHandler = new CopyOnWriteArrayList<>();
        bind(10, (event, context) -> {
            boundInHandler.add(FakeTransactions.BOUND.get());
            return null;
        });
        ServiceReference<LifecycleHookHandler> slow = bind(5, slowHandler());
        bind(0, recording("never"));

        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(result.aborted()).isTrue();
        assertThat(result.abortStatus()).isEqualTo(503);
        assertThat(result.abortMessage()).isEqualTo("A hook handler did not finish in time");
        assertThat(result.errors()).containsExactly(label(slow) + ": timed out after 200 ms");
        assertThat(result.handlersRun()).isEqualTo(2);
        assertThat(calls).isEmpty();
        // Each call joined the caller's transaction; only the abandoned one was released.
        assertThat(boundInHandler).containsExactly(true);
        assertThat(transactions.captures.get()).isEqualTo(2);
        assertThat(transactions.calls.get()).isEqualTo(2);
        assertThat(transactions.releases.get()).isEqualTo(1);
    }

    @Test
    void aSlowStopOnErrorBeforeHandlerAbortsEvenOutsideATransaction() {
        dispatcher = new HookDispatcherImpl(services, null, 200, 4);
        bind(10, slowHandler(), HookConstants.HOOK_STOP_ON_ERROR, true);
        bind(0, recording("never"));

        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(result.aborted()).isTrue();
        assertThat(result.abortStatus()).isEqualTo(503);
        assertThat(calls).isEmpty();
    }

    @Test
    void aSlowHandlerInAnAfterEventInsideATransactionDoesNotAbort() {
        FakeTransactions transactions = new FakeTransactions(true);
        dispatcher = new HookDispatcherImpl(services, transactions, 200, 4);
        bind(10, slowHandler());
        bind(0, recording("next"));

        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_AFTER_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(result.aborted()).isFalse();
        assertThat(transactions.releases.get()).isEqualTo(1);
        assertThat(calls).containsExactly("next");
    }

    @Test
    void aNestedDispatchFromAHandlerRunsInlineAndCannotStarveThePool() {
        // One pool thread: a nested dispatch that queued behind its own parent would time out.
        dispatcher = new HookDispatcherImpl(services, null, 1000, 1);
        List<String> threads = new CopyOnWriteArrayList<>();
        List<HookDispatchResult> nested = new CopyOnWriteArrayList<>();
        bind(0, (event, context) -> {
            threads.add(Thread.currentThread().getName());
            if (event.name().equals(ON_RECORD_BEFORE_CREATE)) {
                nested.add(dispatcher.dispatch(new HookEvent(ON_RECORD_AFTER_CREATE, "orders", Map.of()), context));
            }
            return null;
        });

        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(result.errors()).isEmpty();
        assertThat(nested).singleElement().satisfies(inner -> {
            assertThat(inner.errors()).isEmpty();
            assertThat(inner.handlersRun()).isEqualTo(1);
        });
        assertThat(threads).hasSize(2).allMatch(name -> name.equals(threads.get(0)));
    }

    @Test
    void aZeroTimeoutRunsHandlersOnTheCallersThread() {
        dispatcher = new HookDispatcherImpl(services, null, 0, 1);
        List<String> threads = new CopyOnWriteArrayList<>();
        bind(0, (event, context) -> {
            threads.add(Thread.currentThread().getName());
            return null;
        });

        dispatcher.dispatch(new HookEvent(ON_RECORD_AFTER_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void anInterruptedHandlerFreesTheOnlyPoolThreadForTheNextOne() {
        dispatcher = new HookDispatcherImpl(services, null, 200, 1);
        bind(10, slowHandler());
        bind(0, recording("next"));

        // The second handler gets the pool's only thread once cancel(true) interrupted the first.
        HookDispatchResult result = dispatcher.dispatch(new HookEvent(ON_RECORD_AFTER_CREATE, "orders", Map.of()), CONTEXT);

        assertThat(result.errors()).hasSize(1);
        assertThat(calls).containsExactly("next");
    }

    private ServiceReference<LifecycleHookHandler> bind(int ranking, LifecycleHookHandler handler, Object... more) {
        ServiceReference<LifecycleHookHandler> reference =
                services.ranked(handler, ranking, new String[] {ON_RECORD_BEFORE_CREATE, ON_RECORD_AFTER_CREATE}, more);
        dispatcher.bindHandler(reference);
        return reference;
    }

    private LifecycleHookHandler slowHandler() {
        return (event, context) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                slowInterrupted.countDown();
                throw e;
            }
            return null;
        };
    }

    private LifecycleHookHandler recording(String name) {
        return (event, context) -> {
            calls.add(name);
            return null;
        };
    }
}
