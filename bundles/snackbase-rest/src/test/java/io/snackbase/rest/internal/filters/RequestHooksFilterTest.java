package io.snackbase.rest.internal.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.rest.internal.InMemoryServer;
import io.snackbase.rest.internal.InMemoryServer.Result;
import io.snackbase.rest.internal.TestResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** on_before_request may abort a request with its status; on_after_request sees the status. */
class RequestHooksFilterTest {

    /** Records dispatches; aborts before-request events for paths containing "blocked". */
    static final class FakeDispatcher implements HookDispatcher {
        final List<HookEvent> events = new CopyOnWriteArrayList<>();
        final List<HookContext> contexts = new CopyOnWriteArrayList<>();
        volatile boolean listening = true;

        @Override
        public HookDispatchResult dispatch(HookEvent event, HookContext context) {
            events.add(event);
            contexts.add(context);
            boolean abort = event.name().equals(HookEvents.ON_BEFORE_REQUEST)
                    && event.data().get("path").toString().contains("blocked");
            return new HookDispatchResult(event.data(), 1, abort, abort ? 418 : 0, abort ? "Blocked by a hook" : null, List.of());
        }

        @Override
        public boolean hasHandlers(String event, String collection) {
            return listening;
        }
    }

    private Result call(FakeDispatcher hooks, String path) {
        RequestHooksFilter filter = new RequestHooksFilter();
        filter.setDispatcher(hooks);
        return new InMemoryServer(TestResource.class, filter).call("GET", path, Map.of("X-Correlation-ID", "req-1"), null);
    }

    @Test
    void firesBeforeAndAfterWithMethodPathStatusAndRequestId() {
        FakeDispatcher hooks = new FakeDispatcher();
        Result result = call(hooks, "/test/api");

        assertThat(result.status()).isEqualTo(409);
        assertThat(hooks.events).extracting(HookEvent::name)
                .containsExactly(HookEvents.ON_BEFORE_REQUEST, HookEvents.ON_AFTER_REQUEST);
        assertThat(hooks.events.get(0).data()).containsEntry("method", "GET").containsEntry("path", "/test/api");
        assertThat(hooks.events.get(1).data()).containsEntry("status", 409);
        assertThat(hooks.contexts.get(0).request().requestId()).isEqualTo("req-1");
    }

    @Test
    void abortAnswersWithTheHooksStatusAndMessageInTheEnvelope() {
        FakeDispatcher hooks = new FakeDispatcher();
        Result result = call(hooks, "/test/blocked");

        assertThat(result.status()).isEqualTo(418);
        assertThat(result.json().get("detail").asText()).isEqualTo("Blocked by a hook");
        assertThat(result.json().get("message").asText()).isEqualTo("Blocked by a hook");
        assertThat(result.header("X-Correlation-ID")).isEqualTo("req-1");
    }

    @Test
    void nothingIsDispatchedWhenNoHandlerListens() {
        FakeDispatcher hooks = new FakeDispatcher();
        hooks.listening = false;
        call(hooks, "/test/blocked");
        assertThat(hooks.events).isEmpty();
    }
}
