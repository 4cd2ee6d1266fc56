package io.snackbase.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.mail.MailConstants;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.mail.internal.SmtpSettings.Security;
import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpMailTransportTest {

    private static final MailMessage MESSAGE = new MailMessage("ann@example.com", "Grüße from Acme",
            "Line one\n.hidden line starting with a dot\nLast", "<p>Grüße &amp; <b>hello</b></p>",
            "email_verification", "acc1");

    @Test
    void sendsEnvelopeHeadersAndAMultipartAlternativeBody() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(false)) {
            transport(server.port(), Security.NONE, null, null).deliver(MESSAGE);

            assertThat(server.mailFrom).singleElement().asString().startsWith("<no-reply@acme.test>");
            assertThat(server.rcptTo).containsExactly("<ann@example.com>");
            assertThat(server.credentials).isEmpty();
            String raw = server.rawData.get(0);
            // RFC 5321 4.5.2: a body line that starts with a dot goes over the wire with a second one.
            assertThat(raw).contains("\r\n..hidden line starting with a dot\r\n");

            MimeMessage received = parse(raw);
            assertThat(received.getFrom()[0].toString()).isEqualTo("Acme <no-reply@acme.test>");
            assertThat(received.getHeader("To")[0]).isEqualTo("ann@example.com");
            assertThat(received.getSubject()).isEqualTo("Grüße from Acme");
            assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
            assertThat(received.getSentDate()).isNotNull();
            assertThat(received.getMessageID()).isNotBlank();
            assertThat(received.getContentType()).startsWith("multipart/alternative");
            Multipart parts = (Multipart) received.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertPart(parts.getBodyPart(0), "text/plain", MESSAGE.textBody());
            assertPart(parts.getBodyPart(1), "text/html", MESSAGE.htmlBody());
        }
    }

    @Test
    void textOnlyMessageIsASinglePart() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(false)) {
            transport(server.port(), Security.NONE, null, null)
                    .deliver(new MailMessage("bob@example.com", "Hi", "plain", null, null, null));

            MimeMessage received = parse(server.rawData.get(0));
            assertPart(received, "text/plain", "plain");
        }
    }

    @Test
    void logsInWhenAUserIsConfigured() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(true)) {
            transport(server.port(), Security.NONE, "mailer", "s3cret").deliver(MESSAGE);

            assertThat(server.credentials).singleElement().asString().endsWith("mailer|s3cret");
            assertThat(server.rawData).hasSize(1);
        }
    }

    @Test
    void requiredStartTlsRefusesAServerWithoutIt() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(true)) {
            assertThatThrownBy(() -> transport(server.port(), Security.STARTTLS, "mailer", "s3cret").deliver(MESSAGE))
                    .hasMessageContaining("STARTTLS");
            // The password never went over the plain connection.
            assertThat(server.credentials).isEmpty();
            assertThat(server.rawData).isEmpty();
        }
    }

    @Test
    void senderDefaultsToTheMailServiceAddress() throws Exception {
        MailServiceImpl service = new MailServiceImpl(reference -> null, null, MailFixtures.config("smtp"));
        try (FakeSmtpServer server = new FakeSmtpServer(false)) {
            SmtpSettings settings = new SmtpSettings("127.0.0.1", server.port(), null, null, Security.NONE, 5000, 5000, null);
            new SmtpMailTransport(settings, service).deliver(MESSAGE);

            assertThat(server.mailFrom).singleElement().asString().startsWith("<no-reply@localhost>");
        }
    }

    @Test
    void connectionRefusedIsAFailedDelivery() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        MailFixtures.Harness harness = new MailFixtures.Harness("smtp", null);
        harness.service.bindTransport(harness.registry.register(transport(port, Security.NONE, null, null), "io.snackbase.mail",
                FakeServiceRegistry.properties(MailConstants.TRANSPORT_ID, "smtp")));

        MailDelivery delivery = harness.service.send(MESSAGE, MailFixtures.CONTEXT);

        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.transport()).isEqualTo("smtp");
        assertThat(delivery.error()).contains("127.0.0.1").contains(String.valueOf(port));
    }

    @Test
    void settingsNeverShowThePassword() {
        SmtpSettings settings = new SmtpSettings("mail.test", 587, "mailer", "s3cret", Security.STARTTLS, 1, 1, null);
        assertThat(settings.toString()).doesNotContain("s3cret").contains("mailer@mail.test:587");
        assertThat(settings.sessionProperties().toString()).doesNotContain("s3cret");
        assertThat(settings.sessionProperties()).containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void unknownSecurityModeIsRefused() {
        assertThatThrownBy(() -> SmtpSettings.security("tls")).hasMessageContaining("none, starttls or ssl");
        assertThat(SmtpSettings.security(" SSL ")).isEqualTo(Security.SSL);
    }

    private static SmtpMailTransport transport(int port, Security security, String user, String password) {
        return new SmtpMailTransport(new SmtpSettings("127.0.0.1", port, user, password, security, 5000, 5000,
                "Acme <no-reply@acme.test>"), null);
    }

    private static MimeMessage parse(String raw) throws Exception {
        // Undo the dot-stuffing as a receiving server does before storing the message.
        String unstuffed = raw.replace("\r\n..", "\r\n.");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(unstuffed.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void assertPart(Part part, String type, String content) throws Exception {
        assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        assertThat(part.getContent().toString().replace("\r\n", "\n")).isEqualTo(content);
    }
}
