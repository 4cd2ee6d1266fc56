package io.snackbase.api.mail;

import java.util.Objects;

/**
 * One rendered message, ready for a {@link MailTransport}. Immutable and thread-safe.
 *
 * @param to the recipient address
 * @param subject the subject line
 * @param textBody the plain-text body (never null)
 * @param htmlBody the HTML body, or null for a text-only message
 * @param templateType the template it was rendered from ({@link MailTemplates}), or null
 * @param accountId the account (tenant) it is sent for, or null for system mail
 */
public record MailMessage(String to, String subject, String textBody, String htmlBody, String templateType, String accountId) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }
}
