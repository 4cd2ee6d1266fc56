package io.snackbase.mail.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Owns the {@code {{ variable }}} placeholder syntax of mail templates and HTML escaping of values. */
final class Placeholders {

    // Jinja-style, as the spec's templates are written; spaces inside the braces are optional.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

    private Placeholders() {}

    /**
     * @param template the text with placeholders
     * @param variables the values; a placeholder without one renders as empty text
     * @param html whether values are HTML-escaped (the template itself is trusted and left alone)
     * @return the rendered text
     */
    static String render(String template, Map<String, String> variables, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            value = value == null ? "" : html ? escapeHtml(value) : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Escapes the five characters that matter in HTML text and quoted attribute values. */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
