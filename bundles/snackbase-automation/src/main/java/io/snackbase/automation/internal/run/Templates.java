package io.snackbase.automation.internal.run;

import io.snackbase.automation.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code {{variable}}} placeholders of action configs: checked when a hook is saved (an
 * unclosed {@code {{}, a malformed name or an unknown variable is refused) and rendered at
 * execution against the run's variables (a missing value renders empty). The text is only ever
 * substituted, never evaluated.
 */
public final class Templates {

    /** The variables a run provides; {@code record}, {@code previous} and {@code auth} have members. */
    public static final Set<String> ROOTS = Set.of("record", "previous", "auth", "hook", "now", "event", "collection", "account_id");
    static final Set<String> AUTH_MEMBERS = Set.of("user_id", "email", "account_id", "role");
    static final Set<String> HOOK_MEMBERS = Set.of("id", "name");
    private static final Set<String> SCALARS = Set.of("now", "event", "collection", "account_id");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[A-Za-z0-9_-]+)*");
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private Templates() {}

    /** @return the problems of one string's placeholders, each naming the placeholder; empty when fine */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf(OPEN, from);
            if (open < 0) {
                return problems;
            }
            int close = text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                problems.add("unclosed '{{' at position " + open);
                return problems;
            }
            String name = text.substring(open + OPEN.length(), close).trim();
            String problem = nameProblem(name);
            if (problem != null) {
                problems.add(problem);
            }
            from = close + CLOSE.length();
        }
    }

    private static String nameProblem(String name) {
        if (name.contains(OPEN)) {
            return "unclosed '{{' before '{{" + name.substring(name.indexOf(OPEN) + 2) + "}}'";
        }
        if (!NAME.matcher(name).matches()) {
            return "malformed placeholder '{{" + name + "}}': use a variable name such as {{record.title}}";
        }
        String[] parts = name.split("\\.", 2);
        String root = parts[0];
        if (!ROOTS.contains(root)) {
            return "unknown variable '{{" + name + "}}'; known: " + String.join(", ", new java.util.TreeSet<>(ROOTS));
        }
        if (SCALARS.contains(root) && parts.length > 1) {
            return "'{{" + root + "}}' has no members";
        }
        if (!SCALARS.contains(root) && parts.length == 1 && !root.equals("record") && !root.equals("previous")) {
            return "'{{" + root + "}}' needs a member, e.g. {{" + root + "." + (root.equals("auth") ? "user_id" : "id") + "}}";
        }
        Set<String> members = root.equals("auth") ? AUTH_MEMBERS : root.equals("hook") ? HOOK_MEMBERS : null;
        if (members != null && !members.contains(parts[1])) {
            return "unknown variable '{{" + name + "}}'; '" + root + "' has " + String.join(", ", new java.util.TreeSet<>(members));
        }
        return null;
    }

    /**
     * Renders every placeholder: maps and lists as JSON, other values as text, missing ones (and
     * text the save check would refuse, stored before a rule change) as empty.
     */
    public static String render(String text, Map<String, Object> variables) {
        if (text == null || !text.contains(OPEN)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            int open = text.indexOf(OPEN, from);
            int close = open < 0 ? -1 : text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                return out.append(text, from, text.length()).toString();
            }
            out.append(text, from, open).append(value(variables, text.substring(open + OPEN.length(), close).trim()));
            from = close + CLOSE.length();
        }
    }

    private static String value(Map<String, Object> variables, String name) {
        Object current = variables;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return "";
            }
            current = map.get(part);
        }
        if (current == null || current instanceof Map<?, ?> && current == variables) {
            return "";
        }
        return current instanceof Map<?, ?> || current instanceof List<?> ? Json.write(current) : String.valueOf(current);
    }

    /** @return the problems of every string inside a config value (maps and lists recursively) */
    public static List<String> deepProblems(Object value) {
        List<String> problems = new ArrayList<>();
        if (value instanceof String text) {
            problems.addAll(problems(text));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> problems.addAll(deepProblems(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> problems.addAll(deepProblems(v)));
        }
        return problems;
    }
}
