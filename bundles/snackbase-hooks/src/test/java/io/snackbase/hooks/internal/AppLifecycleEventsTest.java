package io.snackbase.hooks.internal;

import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.snackbase.api.context.Principal;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;

class AppLifecycleEventsTest {

    private final List<String> fired = new CopyOnWriteArrayList<>();
    private final List<HookContext> contexts = new CopyOnWriteArrayList<>();
    private final AppLifecycleEvents events = new AppLifecycleEvents();
    private final ServiceReference<JakartarsServiceRuntime> runtime =
            FakeServiceRegistry.reference(Map.of("service.id", 1L), FakeServiceRegistry.bundle("org.eclipse.osgitech.rest"));

    @Test
    void firesBootstrapServeAndTerminateInOrder() {
        events.setDispatcher(recording());

        events.activate();
        events.bindRuntime(runtime);
        events.deactivate();

        assertThat(fired).containsExactly("on_bootstrap", "on_serve", "on_terminate");
        assertThat(contexts).extracting(context -> context.request().requestId()).containsExactly("boot", "serve", "terminate");
        assertThat(contexts).allSatisfy(context -> {
            assertThat(context.request().principal().authMethod()).isEqualTo("system");
            assertThat(context.accountId()).isEqualTo(Principal.SYSTEM_ACCOUNT_ID);
        });
    }

    @Test
    void aRuntimeBoundBeforeActivationServesAfterBootstrap() {
        events.setDispatcher(recording());

        events.bindRuntime(runtime);
        assertThat(fired).isEmpty();
        events.activate();

        assertThat(fired).containsExactly("on_bootstrap", "on_serve");
    }

    @Test
    void aReturningRuntimeServesAgain() {
        events.setDispatcher(recording());
        events.activate();
        events.bindRuntime(runtime);
        events.unbindRuntime(runtime);
        events.bindRuntime(runtime);

        assertThat(fired).containsExactly("on_bootstrap", "on_serve", "on_serve");
    }

    @Test
    void aFailingDispatcherNeverStopsStartOrShutdown() {
        events.setDispatcher(new HookDispatcher() {
            @Override
            public HookDispatchResult dispatch(HookEvent event, HookContext context) {
                fired.add(event.name());
                throw new IllegalStateException("broken");
            }

            @Override
            public boolean hasHandlers(String event, String collection) {
                return true;
            }
        });

        assertThatCode(() -> {
            events.activate();
            events.bindRuntime(runtime);
            events.deactivate();
        }).doesNotThrowAnyException();
        assertThat(fired).containsExactly("on_bootstrap", "on_serve", "on_terminate");
    }

    private HookDispatcher recording() {
        return new HookDispatcher() {
            @Override
            public HookDispatchResult dispatch(HookEvent event, HookContext context) {
                fired.add(event.name());
                contexts.add(context);
                return new HookDispatchResult(event.data(), 1, false, 0, null, List.of("x/1: failed"));
            }

            @Override
            public boolean hasHandlers(String event, String collection) {
                return true;
            }
        };
    }
}
