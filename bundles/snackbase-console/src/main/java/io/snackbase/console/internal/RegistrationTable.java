package io.snackbase.console.internal;

import io.snackbase.api.runtime.RegistrationDTO;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders registrations as HTML tables, one per extension point, with every value escaped. */
final class RegistrationTable {

    private RegistrationTable() {}

    static String render(List<RegistrationDTO> registrations) {
        if (registrations.isEmpty()) {
            return "<p class='statline'>No SnackBase registries are running.</p>";
        }
        Map<String, List<RegistrationDTO>> byKind = registrations.stream()
                .collect(Collectors.groupingBy(RegistrationDTO::kind, TreeMap::new, Collectors.toList()));
        StringBuilder html = new StringBuilder();
        byKind.forEach((kind, list) -> {
            html.append("<h2>").append(escape(kind)).append(" (").append(list.size()).append(")</h2>");
            html.append("<table class='tablesorter nicetable'><thead><tr>")
                    .append("<th>Id</th><th>State</th><th>Bundle</th><th>Service</th><th>Ranking</th>")
                    .append("<th>Keys</th><th>Collections</th><th>Reason</th></tr></thead><tbody>");
            list.stream()
                    .sorted(Comparator.comparing((RegistrationDTO r) -> String.valueOf(r.id())).thenComparing(RegistrationDTO::serviceId))
                    .forEach(r -> row(html, r));
            html.append("</tbody></table>");
        });
        return html.toString();
    }

    private static void row(StringBuilder html, RegistrationDTO r) {
        html.append("<tr>")
                .append(cell(r.id()))
                .append(cell(r.state().name().toLowerCase()))
                .append(cell(r.bundle() + " [" + r.bundleId() + "]"))
                .append(cell(String.valueOf(r.serviceId())))
                .append(cell(String.valueOf(r.ranking())))
                .append(cell(String.join(", ", r.keys())))
                .append(cell(r.collections().isEmpty() ? "all" : String.join(", ", r.collections())))
                .append(cell(r.reason()))
                .append("</tr>");
    }

    private static String cell(String value) {
        return "<td>" + escape(value == null ? "" : value) + "</td>";
    }

    /** Plugin-supplied ids and reasons are shown to an administrator: never as markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
