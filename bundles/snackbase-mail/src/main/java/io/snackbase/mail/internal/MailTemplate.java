package io.snackbase.mail.internal;

import java.util.Map;
import java.util.Objects;

/**
 * Owns one template's three parts and how they render: text parts verbatim, the HTML part with
 * every variable value HTML-escaped.
 *
 * @param subject the subject line template
 * @param textBody the plain-text body template
 * @param htmlBody the HTML body template, or null for a text-only template
 */
record MailTemplate(String subject, String textBody, String htmlBody) {

    MailTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }

    /** @return the subject on one line: a variable holding a line break must not add header lines */
    String renderSubject(Map<String, String> variables) {
        return Placeholders.render(subject, variables, false).replaceAll("[\\r\\n]+", " ").strip();
    }

    String renderText(Map<String, String> variables) {
        return Placeholders.render(textBody, variables, false);
    }

    /** @return the HTML body, or null when the template has none */
    String renderHtml(Map<String, String> variables) {
        return htmlBody == null ? null : Placeholders.render(htmlBody, variables, true);
    }
}
