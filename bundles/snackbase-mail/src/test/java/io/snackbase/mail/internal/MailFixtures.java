package io.snackbase.mail.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.mail.MailConstants;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailTransport;
import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.framework.ServiceReference;

/** Stand-ins for the mail service's collaborators: configuration, transports that record, and a scripted hook dispatcher. */
final class MailFixtures {

    static final RequestContext CONTEXT = RequestContext.system("test");

    private MailFixtures() {}

    /** @return a configuration with the given transport id and the metatype's other defaults */
    static MailConfig config(String transport) {
        return new MailConfig() {
            @Override public Class<? extends Annotation> annotationType() { return MailConfig.class; }
            @Override public String transport() { return transport; }
            @Override public String fromAddress() { return "SnackBase <no-reply@localhost>"; }
            @Override public String appName() { return "Acme"; }
            @Override public String appUrl() { return "https://acme.test"; }
        };
    }

    /** A transport that records what it was given, or fails with the given exception. */
    static final class RecordingTransport implements MailTransport {
        final String name;
        final Exception failure;
        final List<MailMessage> delivered = new CopyOnWriteArrayList<>();

        RecordingTransport(String name, Exception failure) {
            this.name = name;
            this.failure = failure;
        }

        @Override
        public void deliver(MailMessage message) throws Exception {
            if (failure != null) {
                throw failure;
            }
            delivered.add(message);
        }
    }

    /** The service and a registry of transports bound to it, as DS would bind them. */
    static final class Harness {
        final FakeServiceRegistry registry = new FakeServiceRegistry();
        final MailServiceImpl service;

        Harness(String configuredTransport, HookDispatcher hooks) {
            service = new MailServiceImpl(registry::locate, hooks, config(configuredTransport));
        }

        RecordingTransport transport(String id, int ranking) {
            return transport(id, ranking, null);
        }

        RecordingTransport transport(String id, int ranking, Exception failure) {
            RecordingTransport transport = new RecordingTransport(id + "@" + ranking, failure);
            ServiceReference<MailTransport> reference = registry.register(transport, "com.acme.mail",
                    FakeServiceRegistry.properties(MailConstants.TRANSPORT_ID, id, "service.ranking", ranking));
            service.bindTransport(reference);
            return transport;
        }
    }

    /** A dispatcher whose handlers are one function per event, returning the dispatch result. */
    static final class ScriptedHooks implements HookDispatcher {
        final List<HookEvent> events = new ArrayList<>();
        final Map<String, Function<HookEvent, HookDispatchResult>> handlers;

        ScriptedHooks(Map<String, Function<HookEvent, HookDispatchResult>> handlers) {
            this.handlers = handlers;
        }

        @Override
        public HookDispatchResult dispatch(HookEvent event, HookContext context) {
            events.add(event);
            return handlers.get(event.name()).apply(event);
        }

        @Override
        public boolean hasHandlers(String event, String collection) {
            return handlers.containsKey(event);
        }

        static HookDispatchResult passed(Map<String, Object> data) {
            return new HookDispatchResult(data, 1, false, 0, null, List.of());
        }

        static HookDispatchResult aborted(String message) {
            return new HookDispatchResult(Map.of(), 1, true, 400, message, List.of());
        }
    }
}
