package io.snackbase.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailTemplates;
import io.snackbase.api.runtime.RegistrationState;
import io.snackbase.mail.internal.MailFixtures.Harness;
import io.snackbase.mail.internal.MailFixtures.RecordingTransport;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailServiceImplTest {

    private static final MailMessage MESSAGE = new MailMessage("ann@example.com", "Hi", "text", null, null, null);

    @Test
    void sendsThroughTheConfiguredTransport() {
        Harness harness = new Harness("smtp", null);
        RecordingTransport log = harness.transport("log", -100);
        RecordingTransport smtp = harness.transport("smtp", 0);

        MailDelivery delivery = harness.service.send(MESSAGE, MailFixtures.CONTEXT);

        assertThat(delivery).isEqualTo(new MailDelivery(true, "smtp", null));
        assertThat(smtp.delivered).containsExactly(MESSAGE);
        assertThat(log.delivered).isEmpty();
    }

    @Test
    void highestRankingWinsThenLowestServiceId() {
        Harness harness = new Harness("log", null);
        RecordingTransport builtIn = harness.transport("log", -100);
        RecordingTransport first = harness.transport("log", 10);
        RecordingTransport second = harness.transport("log", 10);

        harness.service.send(MESSAGE, MailFixtures.CONTEXT);

        assertThat(first.delivered).hasSize(1);
        assertThat(second.delivered).isEmpty();
        assertThat(builtIn.delivered).isEmpty();
        assertThat(harness.service.registrations()).extracting(r -> r.state())
                .containsExactly(RegistrationState.ACTIVE, RegistrationState.SHADOWED, RegistrationState.SHADOWED);
    }

    @Test
    void noMatchingTransportIsAFailedDelivery() {
        Harness harness = new Harness("acme.sendgrid", null);
        harness.transport("log", -100);

        assertThat(harness.service.send(MESSAGE, MailFixtures.CONTEXT))
                .isEqualTo(new MailDelivery(false, "acme.sendgrid", "No mail transport 'acme.sendgrid' is available"));
    }

    @Test
    void aTransportWithoutAnIdIsReportedAsFailed() {
        Harness harness = new Harness("log", null);
        harness.service.bindTransport(harness.registry.register(new RecordingTransport("x", null), "com.acme",
                Map.of()));
        assertThat(harness.service.registrations()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.FAILED);
            assertThat(r.reason()).isEqualTo("snackbase.mail.transport is missing");
        });
    }

    @Test
    void aFailingTransportIsReportedNotThrown() {
        Harness harness = new Harness("smtp", null);
        harness.transport("smtp", 0, new IOException("Connection refused"));
        harness.transport("smtp", -1, new IllegalStateException());

        assertThat(harness.service.send(MESSAGE, MailFixtures.CONTEXT))
                .isEqualTo(new MailDelivery(false, "smtp", "Connection refused"));
    }

    @Test
    void aFailureWithoutMessageNamesTheException() {
        Harness harness = new Harness("smtp", null);
        harness.transport("smtp", 0, new IllegalStateException());

        assertThat(harness.service.send(MESSAGE, null).error()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void sendTemplateRendersWithDefaultsAndTheCallersVariables() {
        Harness harness = new Harness("log", null);
        RecordingTransport log = harness.transport("log", -100);

        MailDelivery delivery = harness.service.sendTemplate(MailTemplates.PASSWORD_RESET, "ann@example.com",
                Map.of("reset_url", "https://acme.test/reset?t=<1>"), MailFixtures.CONTEXT);

        assertThat(delivery.sent()).isTrue();
        MailMessage sent = log.delivered.get(0);
        assertThat(sent.subject()).isEqualTo("Reset your Acme password");
        assertThat(sent.textBody()).contains("https://acme.test/reset?t=<1>").contains("ann@example.com")
                .contains("(https://acme.test)");
        assertThat(sent.htmlBody()).contains("https://acme.test/reset?t=&lt;1&gt;");
        assertThat(sent.templateType()).isEqualTo(MailTemplates.PASSWORD_RESET);
        assertThat(sent.accountId()).isEqualTo(MailFixtures.CONTEXT.accountId());
    }

    @Test
    void callerVariablesOverrideTheDefaults() {
        Harness harness = new Harness("log", null);
        RecordingTransport log = harness.transport("log", -100);

        harness.service.sendTemplate(MailTemplates.INVITATION, "bob@example.com",
                Map.of("app_name", "Other", "invited_by", "Ann", "account_name", "Team"), MailFixtures.CONTEXT);

        assertThat(log.delivered.get(0).subject()).isEqualTo("Ann invited you to Team on Other");
    }

    @Test
    void unknownTemplateTypeThrows() {
        Harness harness = new Harness("log", null);
        assertThatThrownBy(() -> harness.service.sendTemplate("welcome", "a@b.c", Map.of(), MailFixtures.CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
