package io.snackbase.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.mail.MailMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogMailTransportTest {

    @Test
    void writesRecipientSubjectAndTextBodyInOneEntry() {
        // slf4j-simple writes to System.err as it is when each line is logged (simplelogger.properties).
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new LogMailTransport().deliver(new MailMessage("ann@example.com", "Verify your email",
                    "Open https://acme.test/verify?t=abc", "<p>html</p>", "email_verification", null));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("INFO").contains("to: ann@example.com").contains("subject: Verify your email")
                .contains("Open https://acme.test/verify?t=abc").doesNotContain("<p>html</p>");
        assertThat(log.lines().filter(line -> line.contains("INFO")).count()).isEqualTo(1);
    }
}
