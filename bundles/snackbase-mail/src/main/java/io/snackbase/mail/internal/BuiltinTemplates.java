package io.snackbase.mail.internal;

import io.snackbase.api.mail.MailTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns the templates shipped in this bundle ({@code templates/<type>.subject.txt},
 * {@code .text.txt} and {@code .html} beside this class), loaded once.
 */
final class BuiltinTemplates {

    static final List<String> TYPES = List.of(
            MailTemplates.EMAIL_VERIFICATION, MailTemplates.PASSWORD_RESET, MailTemplates.INVITATION);

    private final Map<String, MailTemplate> templates = new HashMap<>();

    BuiltinTemplates() {
        for (String type : TYPES) {
            String subject = read(type + ".subject.txt").strip();
            templates.put(type, new MailTemplate(subject, read(type + ".text.txt"), read(type + ".html")));
        }
    }

    /**
     * @return the template of a type
     * @throws IllegalArgumentException for a type without a template
     */
    MailTemplate get(String type) {
        MailTemplate template = type == null ? null : templates.get(type);
        if (template == null) {
            throw new IllegalArgumentException("Unknown mail template type '" + type + "'; known: " + TYPES);
        }
        return template;
    }

    private static String read(String name) {
        // Through this class, not the TCCL: the resources are private to this bundle.
        try (InputStream in = BuiltinTemplates.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Built-in mail template resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in mail template " + name, e);
        }
    }
}
