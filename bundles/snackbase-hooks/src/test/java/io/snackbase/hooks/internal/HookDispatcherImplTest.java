package io.snackbase.hooks.internal;

import static io.snackbase.api.hooks.HookEvents.ON_RECORD_AFTER_CREATE;
import static io.snackbase.api.hooks.HookEvents.ON_RECORD_BEFORE_CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class HookDispatcherImplTest {

    static final HookContext CONTEXT = new HookContext(RequestContext.system("test"));

    private final FakeServices services = new FakeServices();
    private final HookDispatcherImpl dispatcher = new HookDispatcherImpl(services, null, 2000, 4);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        dispatcher.deactivate();
    }

    @Test
    void runsHighestRankingFirstAndEqualRankingsByServiceId() {
        ServiceReference<LifecycleHookHandler> low = services.handler(recording("low"), ON_RECORD_BEFORE_CREATE,
                Constants.SERVICE_RANKING, -5);
        ServiceReference<LifecycleHookHandler> older = services.handler(recording("older"), ON_RECORD_BEFORE_CREATE);
        ServiceReference<LifecycleHookHandler> newer = services.handler(recording("newer"), ON_RECORD_BEFORE_CREATE,
                Constants.SERVICE_RANKING, 0);
        ServiceReference<LifecycleHookHandler> high = services.handler(recording("high"), ON_RECORD_BEFORE_CREATE,
                Constants.SERVICE_RANKING, 10);
        // Bound in a scrambled order: the order comes from the properties, not from binding.
        dispatcher.bindHandler(newer);
        dispatcher.bindHandler(low);
        dispatcher.bindHandler(high);
        dispatcher.bindHandler(older);

        HookDispatchResult result = dispatcher.dispatch(event(ON_RECORD_BEFORE_CREATE, "orders"), CONTEXT);

        assertThat(calls).containsExactly("high", "older", "newer", "low");
        assertThat(result.handlersRun()).isEqualTo(4);
        assertThat(result.aborted()).isFalse();
        assertThat(dispatcher.registrations()).extracting(RegistrationDTO::ranking).containsExactly(10, 0, 0, -5);
    }

    @Test
    void aRankingThatIsNotAnIntegerCountsAsZero() {
        dispatcher.bindHandler(services.handler(recording("text"), ON_RECORD_BEFORE_CREATE, Constants.SERVICE_RANKING, "99"));
        dispatcher.bindHandler(services.handler(recording("one"), ON_RECORD_BEFORE_CREATE, Constants.SERVICE_RANKING, 1));

        dispatcher.dispatch(event(ON_RECORD_BEFORE_CREATE, null), CONTEXT);

        assertThat(calls).containsExactly("one", "text");
    }

    @Test
    void collectionLimitedHandlersOnlyReceiveEventsOfTheirCollections() {
        dispatcher.bindHandler(services.handler(recording("orders"), ON_RECORD_AFTER_CREATE,
                HookConstants.HOOK_COLLECTIONS, "orders"));
        dispatcher.bindHandler(services.handler(recording("orders+items"), new String[] {ON_RECORD_AFTER_CREATE},
                HookConstants.HOOK_COLLECTIONS, new String[] {"orders", "items"}));
        dispatcher.bindHandler(services.handler(recording("all"), ON_RECORD_AFTER_CREATE));

        dispatcher.dispatch(event(ON_RECORD_AFTER_CREATE, "orders"), CONTEXT);
        assertThat(calls).containsExactly("orders", "orders+items", "all");

        calls.clear();
        dispatcher.dispatch(event(ON_RECORD_AFTER_CREATE, "items"), CONTEXT);
        assertThat(calls).containsExactly("orders+items", "all");

        calls.clear();
        dispatcher.dispatch(event(ON_RECORD_AFTER_CREATE, null), CONTEXT);
        assertThat(calls).containsExactly("all");

        assertThat(dispatcher.hasHandlers(ON_RECORD_AFTER_CREATE, "users")).isTrue();
        assertThat(dispatcher.hasHandlers(ON_RECORD_BEFORE_CREATE, "orders")).isFalse();
    }

    @Test
    void hasHandlersOnlyCountsMatchingActiveHandlers() {
        dispatcher.bindHandler(services.handler(recording("orders"), ON_RECORD_AFTER_CREATE,
                HookConstants.HOOK_COLLECTIONS, List.of("orders")));

        assertThat(dispatcher.hasHandlers(ON_RECORD_AFTER_CREATE, "orders")).isTrue();
        assertThat(dispatcher.hasHandlers(ON_RECORD_AFTER_CREATE, "users")).isFalse();
        assertThat(dispatcher.hasHandlers(ON_RECORD_AFTER_CREATE, null)).isFalse();
        assertThat(dispatcher.hasHandlers("on_nothing", "orders")).isFalse();
    }

    @Test
    void invalidRegistrationsFailWithAReasonAndAreNeverCalled() {
        dispatcher.bindHandler(services.handler(recording("none"), null));
        dispatcher.bindHandler(services.handler(recording("empty"), new String[0]));
        dispatcher.bindHandler(services.handler(recording("wildcard"), "*"));
        dispatcher.bindHandler(services.handler(recording("prefix"), new String[] {ON_RECORD_BEFORE_CREATE, "on_record_*"}));
        dispatcher.bindHandler(services.handler(recording("unknown"), new String[] {ON_RECORD_BEFORE_CREATE, "on_nothing"}));
        dispatcher.bindHandler(services.handler(recording("number"), 42));
        dispatcher.bindHandler(services.handler(recording("collections"), ON_RECORD_BEFORE_CREATE,
                HookConstants.HOOK_COLLECTIONS, 7));

        HookDispatchResult result = dispatcher.dispatch(event(ON_RECORD_BEFORE_CREATE, "orders"), CONTEXT);

        assertThat(calls).isEmpty();
        assertThat(result.handlersRun()).isZero();
        assertThat(dispatcher.hasHandlers(ON_RECORD_BEFORE_CREATE, "orders")).isFalse();
        List<RegistrationDTO> registrations = dispatcher.registrations();
        assertThat(registrations).hasSize(7).allSatisfy(dto -> {
            assertThat(dto.state()).isEqualTo(RegistrationState.FAILED);
            assertThat(dto.kind()).isEqualTo("hook_handler");
        });
        assertThat(registrations).extracting(RegistrationDTO::reason).containsExactly(
                "snackbase.hook.events is missing or empty; name the events the handler receives",
                "snackbase.hook.events is missing or empty; name the events the handler receives",
                "snackbase.hook.events may not contain '*'; list the exact event names",
                "snackbase.hook.events may not contain 'on_record_*'; list the exact event names",
                "snackbase.hook.events names an unknown event 'on_nothing'",
                "snackbase.hook.events must be a String or String[], found Integer",
                "snackbase.hook.collections must be a String or String[], found Integer");
    }

    @Test
    void reportsActiveRegistrationsWithTheirProperties() {
        ServiceReference<LifecycleHookHandler> reference = services.handler(recording("a"),
                new String[] {ON_RECORD_BEFORE_CREATE, ON_RECORD_AFTER_CREATE},
                HookConstants.HOOK_COLLECTIONS, new String[] {"orders", " "}, Constants.SERVICE_RANKING, 3);
        dispatcher.bindHandler(reference);

        assertThat(dispatcher.kind()).isEqualTo("hook_handler");
        RegistrationDTO dto = dispatcher.registrations().get(0);
        assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(dto.reason()).isNull();
        assertThat(dto.id()).isEqualTo(ON_RECORD_BEFORE_CREATE);
        assertThat(dto.keys()).containsExactly(ON_RECORD_BEFORE_CREATE, ON_RECORD_AFTER_CREATE);
        assertThat(dto.collections()).containsExactly("orders");
        assertThat(dto.bundle()).isEqualTo("com.acme.plugin");
        assertThat(dto.bundleId()).isEqualTo(7);
        assertThat(dto.serviceId()).isEqualTo(reference.getProperty(Constants.SERVICE_ID));
        assertThat(dto.ranking()).isEqualTo(3);
    }

    @Test
    void anUnknownEventNameIsRejected() {
        assertThatThrownBy(() -> dispatcher.dispatch(event("on_record_before_explode", null), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on_record_before_explode");
    }

    @Test
    void aDispatchWithoutHandlersReturnsTheInput() {
        HookDispatchResult result = dispatcher.dispatch(
                new HookEvent(ON_RECORD_BEFORE_CREATE, "orders", Map.of("title", "x")), CONTEXT);

        assertThat(result.data()).containsExactly(Map.entry("title", "x"));
        assertThat(result.handlersRun()).isZero();
        assertThat(result.aborted()).isFalse();
        assertThat(result.errors()).isEmpty();
    }

    private LifecycleHookHandler recording(String name) {
        return (event, context) -> {
            calls.add(name);
            return null;
        };
    }

    static HookEvent event(String name, String collection) {
        return new HookEvent(name, collection, Map.of());
    }
}
