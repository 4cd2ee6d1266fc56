package io.snackbase.hooks.internal;

import static io.snackbase.api.hooks.HookEvents.ON_RECORD_AFTER_UPDATE;
import static io.snackbase.api.hooks.HookEvents.ON_RECORD_BEFORE_UPDATE;
import static io.snackbase.hooks.internal.HookDispatcherImplTest.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.hooks.HookAbortException;
import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.LifecycleHookHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class HookChainSemanticsTest {

    private final FakeServices services = new FakeServices();
    private final HookDispatcherImpl dispatcher = new HookDispatcherImpl(services, null, 2000, 4);
    private final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        dispatcher.deactivate();
    }

    @Test
    void beforeHandlersReplaceTheDataForTheNextHandlerAndTheOperation() {
        bind(10, (event, context) -> with(event.data(), "total", 30));
        bind(5, (event, context) -> {
            seen.add(event.data());
            return null; // keeps the data
        });
        bind(0, (event, context) -> {
            seen.add(event.data());
            return with(event.data(), "checked", true);
        });

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(seen).containsExactly(Map.of("title", "t", "total", 30), Map.of("title", "t", "total", 30));
        assertThat(result.data()).isEqualTo(Map.of("title", "t", "total", 30, "checked", true));
        assertThat(result.handlersRun()).isEqualTo(3);
        assertThat(result.aborted()).isFalse();
    }

    @Test
    void afterHandlersCannotReplaceTheData() {
        bind(10, (event, context) -> with(event.data(), "total", 30));
        bind(0, (event, context) -> {
            seen.add(event.data());
            return null;
        });

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_AFTER_UPDATE), CONTEXT);

        assertThat(seen).containsExactly(Map.of("title", "t"));
        assertThat(result.data()).isEqualTo(Map.of("title", "t"));
        assertThat(result.handlersRun()).isEqualTo(2);
    }

    @Test
    void anAbortStopsTheChainWithItsStatusAndMessage() {
        bind(10, (event, context) -> with(event.data(), "total", 30));
        bind(5, (event, context) -> {
            throw new HookAbortException(409, "Order is closed");
        });
        bind(0, recording("never"));

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(result.aborted()).isTrue();
        assertThat(result.abortStatus()).isEqualTo(409);
        assertThat(result.abortMessage()).isEqualTo("Order is closed");
        assertThat(result.handlersRun()).isEqualTo(2);
        assertThat(result.data()).containsEntry("total", 30);
        assertThat(calls).isEmpty();
    }

    @Test
    void anAbortWithoutStatusIsA400() {
        bind(0, (event, context) -> {
            throw new HookAbortException("Title is required");
        });

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(result.aborted()).isTrue();
        assertThat(result.abortStatus()).isEqualTo(400);
    }

    @Test
    void anAbortInAnAfterEventIsRecordedAndTheChainGoesOn() {
        ServiceReference<LifecycleHookHandler> aborting = bind(5, (event, context) -> {
            throw new HookAbortException(409, "too late");
        });
        bind(0, recording("next"));

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_AFTER_UPDATE), CONTEXT);

        assertThat(result.aborted()).isFalse();
        assertThat(result.abortStatus()).isZero();
        assertThat(result.errors()).containsExactly(label(aborting) + ": abort ignored in an after event: too late");
        assertThat(calls).containsExactly("next");
    }

    @Test
    void anExceptionIsRecordedAndTheChainGoesOn() {
        ServiceReference<LifecycleHookHandler> failing = bind(5, (event, context) -> {
            throw new IllegalStateException("boom");
        });
        ServiceReference<LifecycleHookHandler> silent = bind(3, (event, context) -> {
            throw new NullPointerException();
        });
        bind(0, recording("next"));

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(result.aborted()).isFalse();
        assertThat(result.handlersRun()).isEqualTo(3);
        assertThat(result.errors()).containsExactly(
                label(failing) + ": boom", label(silent) + ": java.lang.NullPointerException");
        assertThat(calls).containsExactly("next");
    }

    @Test
    void aStopOnErrorHandlerThatFailsAbortsABeforeEventWith500() {
        ServiceReference<LifecycleHookHandler> failing = bind(5, (event, context) -> {
            throw new IllegalStateException("boom");
        }, HookConstants.HOOK_STOP_ON_ERROR, true);
        bind(0, recording("never"));

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(result.aborted()).isTrue();
        assertThat(result.abortStatus()).isEqualTo(500);
        assertThat(result.abortMessage()).isEqualTo("Hook handler failed");
        assertThat(result.errors()).containsExactly(label(failing) + ": boom");
        assertThat(calls).isEmpty();
    }

    @Test
    void aStopOnErrorHandlerThatFailsStopsAnAfterEventChainWithoutAborting() {
        bind(5, (event, context) -> {
            throw new IllegalStateException("boom");
        }, HookConstants.HOOK_STOP_ON_ERROR, "true");
        bind(0, recording("never"));

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_AFTER_UPDATE), CONTEXT);

        assertThat(result.aborted()).isFalse();
        assertThat(result.errors()).hasSize(1);
        assertThat(calls).isEmpty();
    }

    @Test
    void aStopOnErrorHandlerThatSucceedsChangesNothing() {
        bind(5, recording("first"), HookConstants.HOOK_STOP_ON_ERROR, true);
        bind(0, recording("second"));

        HookDispatchResult result = dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(result.aborted()).isFalse();
        assertThat(calls).containsExactly("first", "second");
    }

    @Test
    void handlersRunOnHookThreadsAndReceiveTheContext() {
        List<String> threads = new CopyOnWriteArrayList<>();
        bind(0, (event, context) -> {
            threads.add(Thread.currentThread().getName());
            seen.add(Map.of("account", context.accountId(), "request", context.request().requestId()));
            return null;
        });

        dispatcher.dispatch(updateOf(ON_RECORD_BEFORE_UPDATE), CONTEXT);

        assertThat(threads).singleElement().asString().startsWith("snackbase-hook-");
        assertThat(threads.get(0)).isNotEqualTo(Thread.currentThread().getName());
        assertThat(seen).containsExactly(Map.of("account", CONTEXT.accountId(), "request", "test"));
    }

    private ServiceReference<LifecycleHookHandler> bind(int ranking, LifecycleHookHandler handler, Object... more) {
        ServiceReference<LifecycleHookHandler> reference =
                services.ranked(handler, ranking, new String[] {ON_RECORD_BEFORE_UPDATE, ON_RECORD_AFTER_UPDATE}, more);
        dispatcher.bindHandler(reference);
        return reference;
    }

    private LifecycleHookHandler recording(String name) {
        return (event, context) -> {
            calls.add(name);
            return null;
        };
    }

    private static HookEvent updateOf(String name) {
        return new HookEvent(name, "orders", Map.of("title", "t"));
    }

    private static Map<String, Object> with(Map<String, Object> data, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(data);
        copy.put(key, value);
        return copy;
    }

    static String label(ServiceReference<?> reference) {
        return "com.acme.plugin/" + reference.getProperty(Constants.SERVICE_ID);
    }
}
