package io.snackbase.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.mail.internal.MailFixtures.Harness;
import io.snackbase.mail.internal.MailFixtures.RecordingTransport;
import io.snackbase.mail.internal.MailFixtures.ScriptedHooks;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MailHooksTest {

    private static final MailMessage MESSAGE =
            new MailMessage("ann@example.com", "Hi", "text", "<p>html</p>", "password_reset", "acc1");

    @Test
    void beforeHandlerSeesTheMessageAndMayAbort() {
        ScriptedHooks hooks = new ScriptedHooks(Map.of(
                HookEvents.ON_MAILER_BEFORE_SEND, event -> ScriptedHooks.aborted("blocked domain"),
                HookEvents.ON_MAILER_AFTER_SEND, event -> ScriptedHooks.passed(event.data())));
        Harness harness = new Harness("log", hooks);
        RecordingTransport log = harness.transport("log", -100);

        MailDelivery delivery = harness.service.send(MESSAGE, MailFixtures.CONTEXT);

        assertThat(delivery).isEqualTo(new MailDelivery(false, "log", "Aborted by hook: blocked domain"));
        assertThat(log.delivered).isEmpty();
        assertThat(hooks.events).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo(HookEvents.ON_MAILER_BEFORE_SEND);
            assertThat(event.data()).containsEntry("to", "ann@example.com").containsEntry("subject", "Hi")
                    .containsEntry("template_type", "password_reset").containsEntry("text_body", "text")
                    .containsEntry("html_body", "<p>html</p>");
        });
    }

    @Test
    void beforeHandlerMayReplaceTheData() {
        Function<HookEvent, HookDispatchResult> replaceSubject = event -> {
            Map<String, Object> data = new HashMap<>(event.data());
            data.put("subject", "[Acme] Hi");
            data.put("html_body", null);
            return ScriptedHooks.passed(data);
        };
        Harness harness = new Harness("log", new ScriptedHooks(Map.of(HookEvents.ON_MAILER_BEFORE_SEND, replaceSubject)));
        RecordingTransport log = harness.transport("log", -100);

        assertThat(harness.service.send(MESSAGE, MailFixtures.CONTEXT).sent()).isTrue();

        assertThat(log.delivered).singleElement().isEqualTo(
                new MailMessage("ann@example.com", "[Acme] Hi", "text", null, "password_reset", "acc1"));
    }

    @Test
    void afterHandlerSeesTheOutcome() {
        ScriptedHooks hooks = new ScriptedHooks(Map.of(
                HookEvents.ON_MAILER_AFTER_SEND, event -> ScriptedHooks.passed(event.data())));
        Harness harness = new Harness("smtp", hooks);
        harness.transport("smtp", 0, new IOException("550 mailbox unavailable"));

        harness.service.send(MESSAGE, MailFixtures.CONTEXT);

        assertThat(hooks.events).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo(HookEvents.ON_MAILER_AFTER_SEND);
            assertThat(event.data()).containsEntry("sent", false).containsEntry("transport", "smtp")
                    .containsEntry("error", "550 mailbox unavailable").containsEntry("to", "ann@example.com");
        });
    }

    @Test
    void aFailingAfterDispatchDoesNotChangeTheOutcome() {
        ScriptedHooks hooks = new ScriptedHooks(Map.of(HookEvents.ON_MAILER_AFTER_SEND, event -> {
            throw new IllegalStateException("dispatcher down");
        }));
        Harness harness = new Harness("log", hooks);
        harness.transport("log", -100);

        assertThat(harness.service.send(MESSAGE, MailFixtures.CONTEXT)).isEqualTo(new MailDelivery(true, "log", null));
    }

    @Test
    void aFailingBeforeDispatchDoesNotSend() {
        ScriptedHooks hooks = new ScriptedHooks(Map.of(HookEvents.ON_MAILER_BEFORE_SEND, event -> {
            throw new IllegalStateException("dispatcher down");
        }));
        Harness harness = new Harness("log", hooks);
        RecordingTransport log = harness.transport("log", -100);

        MailDelivery delivery = harness.service.send(MESSAGE, MailFixtures.CONTEXT);

        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.error()).isEqualTo("Hook dispatch failed: dispatcher down");
        assertThat(log.delivered).isEmpty();
    }

    @Test
    void noHandlersMeansNoDispatch() {
        ScriptedHooks hooks = new ScriptedHooks(Map.of());
        Harness harness = new Harness("log", hooks);
        harness.transport("log", -100);

        assertThat(harness.service.send(MESSAGE, MailFixtures.CONTEXT).sent()).isTrue();
        assertThat(hooks.events).isEmpty();
    }
}
