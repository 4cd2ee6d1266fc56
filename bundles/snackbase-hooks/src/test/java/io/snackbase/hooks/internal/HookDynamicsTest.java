package io.snackbase.hooks.internal;

import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import static io.snackbase.api.hooks.HookEvents.ON_RECORD_BEFORE_CREATE;
import static io.snackbase.hooks.internal.HookDispatcherImplTest.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class HookDynamicsTest {

    private final FakeServices services = new FakeServices();
    private final HookDispatcherImpl dispatcher = new HookDispatcherImpl(services, null, 5000, 4);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        dispatcher.deactivate();
    }

    @Test
    void handlersArriveAndLeaveAtAnyTime() {
        ServiceReference<LifecycleHookHandler> reference = services.handler(recording("a"), ON_RECORD_BEFORE_CREATE);
        assertThat(dispatch().handlersRun()).isZero();

        dispatcher.bindHandler(reference);
        assertThat(dispatch().handlersRun()).isEqualTo(1);
        assertThat(dispatcher.registrations()).hasSize(1);

        services.unregister(reference);
        dispatcher.unbindHandler(reference);
        assertThat(dispatch().handlersRun()).isZero();
        assertThat(dispatcher.registrations()).isEmpty();
        assertThat(dispatcher.hasHandlers(ON_RECORD_BEFORE_CREATE, null)).isFalse();
        assertThat(calls).containsExactly("a");
    }

    @Test
    void aHandlerUnregisteredDuringADispatchIsSkippedCleanly() {
        AtomicReference<ServiceReference<LifecycleHookHandler>> second = new AtomicReference<>();
        dispatcher.bindHandler(services.handler((event, context) -> {
            calls.add("first");
            // What the framework does when the second handler's bundle stops right now.
            services.unregister(second.get());
            dispatcher.unbindHandler(second.get());
            return null;
        }, ON_RECORD_BEFORE_CREATE, Constants.SERVICE_RANKING, 10));
        second.set(services.handler(recording("second"), ON_RECORD_BEFORE_CREATE));
        dispatcher.bindHandler(second.get());

        HookDispatchResult result = dispatch();

        assertThat(calls).containsExactly("first");
        assertThat(result.handlersRun()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
        assertThat(result.aborted()).isFalse();
        assertThat(dispatcher.registrations()).hasSize(1);
    }

    @Test
    void aHandlerBoundDuringADispatchJoinsOnlyLaterDispatches() {
        ServiceReference<LifecycleHookHandler> late = services.handler(recording("late"), ON_RECORD_BEFORE_CREATE);
        dispatcher.bindHandler(services.handler((event, context) -> {
            calls.add("first");
            dispatcher.bindHandler(late);
            return null;
        }, ON_RECORD_BEFORE_CREATE, Constants.SERVICE_RANKING, 10));

        assertThat(dispatch().handlersRun()).isEqualTo(1);
        assertThat(calls).containsExactly("first");

        assertThat(dispatch().handlersRun()).isEqualTo(2);
    }

    @Test
    void changedPropertiesTakeEffectOnUpdate() {
        Map<String, Object> properties = new HashMap<>(Map.of("snackbase.hook.events", ON_RECORD_BEFORE_CREATE));
        ServiceReference<LifecycleHookHandler> reference = services.register(recording("a"), "com.acme.plugin", properties);
        dispatcher.bindHandler(reference);
        assertThat(dispatcher.hasHandlers(ON_RECORD_BEFORE_CREATE, null)).isTrue();

        // DS hands the updated method a reference with the same service.id and the new properties.
        Map<String, Object> changed = new HashMap<>(properties);
        changed.put("snackbase.hook.events", "on_nothing");
        changed.put(Constants.SERVICE_ID, reference.getProperty(Constants.SERVICE_ID));
        dispatcher.updatedHandler(FakeServiceRegistry.reference(changed, reference.getBundle()));

        assertThat(dispatcher.hasHandlers(ON_RECORD_BEFORE_CREATE, null)).isFalse();
        assertThat(dispatcher.registrations()).singleElement()
                .extracting(RegistrationDTO::reason).asString().contains("on_nothing");
    }

    @Test
    void concurrentDispatchesEachSeeAConsistentChain() throws Exception {
        AtomicInteger stableCalls = new AtomicInteger();
        LifecycleHookHandler counting = (event, context) -> {
            stableCalls.incrementAndGet();
            Map<String, Object> data = new HashMap<>(event.data());
            data.put("count", (Integer) data.get("count") + 1);
            return data;
        };
        dispatcher.bindHandler(services.handler(counting, ON_RECORD_BEFORE_CREATE, Constants.SERVICE_RANKING, 5));
        dispatcher.bindHandler(services.handler(counting, ON_RECORD_BEFORE_CREATE));
        ServiceReference<LifecycleHookHandler> flapping = services.handler((event, context) -> {
            Map<String, Object> data = new HashMap<>(event.data());
            data.put("count", (Integer) data.get("count") + 1);
            return data;
        }, ON_RECORD_BEFORE_CREATE, Constants.SERVICE_RANKING, 1);

        AtomicBoolean running = new AtomicBoolean(true);
        Thread churn = new Thread(() -> {
            while (running.get()) {
                dispatcher.bindHandler(flapping);
                dispatcher.unbindHandler(flapping);
            }
        });
        churn.start();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Future<List<HookDispatchResult>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 6; t++) {
                futures.add(callers.submit(() -> {
                    List<HookDispatchResult> results = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        results.add(dispatcher.dispatch(
                                new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of("count", 0)), CONTEXT));
                    }
                    return results;
                }));
            }
            for (Future<List<HookDispatchResult>> future : futures) {
                for (HookDispatchResult result : future.get(30, TimeUnit.SECONDS)) {
                    assertThat(result.aborted()).isFalse();
                    assertThat(result.errors()).isEmpty();
                    // Either the flapping handler was in this dispatch's snapshot and ran, or not.
                    assertThat(result.data().get("count")).isEqualTo(result.handlersRun()).isIn(2, 3);
                }
            }
        } finally {
            running.set(false);
            churn.join();
            callers.shutdownNow();
        }
        assertThat(stableCalls.get()).isEqualTo(2 * 6 * 50);
    }

    private HookDispatchResult dispatch() {
        return dispatcher.dispatch(new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of()), CONTEXT);
    }

    private LifecycleHookHandler recording(String name) {
        return (event, context) -> {
            calls.add(name);
            return null;
        };
    }
}
