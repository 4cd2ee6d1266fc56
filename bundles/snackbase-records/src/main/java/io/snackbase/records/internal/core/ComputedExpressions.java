package io.snackbase.records.internal.core;

import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleSyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expression check of computed fields (domain.md §2.5). Two steps:
 * <ol>
 * <li>{@link RuleEngine#parse}: the §3 grammar (function calls included) and the engine's length and
 * depth limits; a failure is {@code computed_field_expression_invalid} with the parser's message
 * and position.</li>
 * <li>On the tokens of an expression that parsed: every function is one of §2.5 (any case) with its
 * arity; the unit of {@code date_diff}/{@code date_add} is a string literal naming a known unit;
 * every variable is a non-computed field of the same schema or a system field; no {@code @}
 * variables and no dotted names. A failure is {@code computed_field_expression_error}.</li>
 * </ol>
 * Not checked: that the expression's type fits {@code return_type}, and operand types (the
 * engine's checker is for rules and filters and refuses function calls).
 */
public final class ComputedExpressions {

    /** Function name → {min, max} arguments (max -1: no limit). */
    static final Map<String, int[]> FUNCTIONS = Map.ofEntries(
            Map.entry("concat", new int[] {2, -1}), Map.entry("upper", new int[] {1, 1}), Map.entry("lower", new int[] {1, 1}),
            Map.entry("trim", new int[] {1, 1}), Map.entry("length", new int[] {1, 1}), Map.entry("substring", new int[] {2, 3}),
            Map.entry("round", new int[] {1, 2}), Map.entry("abs", new int[] {1, 1}), Map.entry("ceil", new int[] {1, 1}),
            Map.entry("floor", new int[] {1, 1}), Map.entry("if", new int[] {3, 3}), Map.entry("coalesce", new int[] {2, -1}),
            Map.entry("nullif", new int[] {2, 2}), Map.entry("now", new int[] {0, 0}), Map.entry("date_diff", new int[] {3, 3}),
            Map.entry("date_add", new int[] {3, 3}));
    static final Set<String> UNITS = Set.of("days", "hours", "minutes", "seconds", "months", "years");
    private static final Set<String> KEYWORDS = Set.of("in", "is", "not", "true", "false", "null");

    private ComputedExpressions() {}

    /** @return the problems of every computed field's expression, with paths {@code schema[i].expression} */
    public static List<FieldError> check(List<FieldDefinition> fields, RuleEngine engine) {
        List<FieldError> problems = new ArrayList<>();
        Set<String> plain = new TreeSet<>(FieldSchema.SYSTEM_FIELDS.keySet());
        Set<String> computed = new TreeSet<>();
        for (FieldDefinition f : fields) {
            (f.type() == FieldType.COMPUTED ? computed : plain).add(f.name());
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition f = fields.get(i);
            if (f.type() != FieldType.COMPUTED || f.expression() == null || f.expression().isBlank()) {
                continue;
            }
            String path = "schema[" + i + "].expression";
            try {
                engine.parse(f.expression());
            } catch (RuleSyntaxException e) {
                problems.add(new FieldError(path, "Invalid expression: " + e.getMessage(), "computed_field_expression_invalid"));
                continue;
            }
            String error = semantics(f.expression(), plain, computed);
            if (error != null) {
                problems.add(new FieldError(path, "Expression error: " + error, "computed_field_expression_error"));
            }
        }
        return problems;
    }

    /** One open parenthesis: a call's (name non-null) or a group's. */
    private static final class Frame {
        final String name;
        final int position;
        int args;
        int argTokens;
        String argString;
        boolean unitOk = true;

        Frame(String name, int position) {
            this.name = name;
            this.position = position;
        }
    }

    /**
     * @param expression text that {@link RuleEngine#parse} accepted (so strings are terminated and
     *     parentheses balanced)
     * @return the first problem, or null
     */
    static String semantics(String expression, Set<String> plain, Set<String> computed) {
        Deque<Frame> frames = new ArrayDeque<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char ch = expression.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int start = i;
            if (ch == '"' || ch == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n && expression.charAt(i) != ch) {
                    if (expression.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(expression.charAt(i));
                    i++;
                }
                i++;
                token(frames, value.toString());
            } else if (Character.isLetter(ch) || ch == '_' || ch == '@') {
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || "_.@".indexOf(expression.charAt(i)) >= 0)) {
                    i++;
                }
                String word = expression.substring(start, i);
                int next = i;
                while (next < n && Character.isWhitespace(expression.charAt(next))) {
                    next++;
                }
                boolean keyword = KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
                if (!keyword && next < n && expression.charAt(next) == '(') {
                    String fn = word.toLowerCase(Locale.ROOT);
                    if (!FUNCTIONS.containsKey(fn)) {
                        return "Unknown function '" + word + "' at position " + start + ". Available functions: "
                                + String.join(", ", new TreeSet<>(FUNCTIONS.keySet()));
                    }
                    token(frames, null);
                    frames.push(new Frame(fn, start));
                    i = next + 1;
                    continue;
                }
                token(frames, null);
                if (keyword) {
                    continue;
                }
                if (word.startsWith("@")) {
                    return "Variables are not allowed in computed fields: '" + word + "' at position " + start;
                }
                if (word.contains(".") || word.contains("@")) {
                    return "Invalid field name '" + word + "' at position " + start;
                }
                if (computed.contains(word)) {
                    return "Computed field '" + word + "' cannot be used in another computed field (position " + start + ")";
                }
                if (!plain.contains(word)) {
                    return "Field '" + word + "' does not exist in collection (position " + start + "). Available fields: "
                            + String.join(", ", plain);
                }
            } else if (ch == '(') {
                token(frames, null);
                frames.push(new Frame(null, start));
                i++;
            } else if (ch == ',') {
                Frame top = frames.peek();
                if (top != null && top.name != null) {
                    endArg(top);
                }
                i++;
            } else if (ch == ')') {
                Frame top = frames.pop();
                i++;
                if (top.name == null) {
                    continue;
                }
                if (top.args > 0 || top.argTokens > 0) {
                    endArg(top);
                }
                int[] arity = FUNCTIONS.get(top.name);
                if (top.args < arity[0] || (arity[1] >= 0 && top.args > arity[1])) {
                    String want = arity[1] < 0 ? "at least " + arity[0] : arity[0] == arity[1] ? String.valueOf(arity[0])
                            : arity[0] + " to " + arity[1];
                    return "Function '" + top.name + "' takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", got "
                            + top.args + " (position " + top.position + ")";
                }
                if (!top.unitOk) {
                    return "The unit of " + top.name + " (position " + top.position + ") must be a string literal, one of: "
                            + String.join(", ", new TreeSet<>(UNITS));
                }
            } else {
                // numbers and operators: one token for the argument being read
                if (Character.isDigit(ch)) {
                    while (i < n && (Character.isDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                        i++;
                    }
                } else {
                    i++;
                }
                token(frames, null);
            }
        }
        return null;
    }

    /** Counts a token (a string literal's value, else null) for the argument being read. */
    private static void token(Deque<Frame> frames, String stringValue) {
        Frame top = frames.peek();
        if (top != null && top.name != null) {
            top.argTokens++;
            top.argString = top.argTokens == 1 ? stringValue : null;
        }
    }

    private static void endArg(Frame f) {
        f.args++;
        if ((f.name.equals("date_diff") || f.name.equals("date_add")) && f.args == 3) {
            f.unitOk = f.argTokens == 1 && f.argString != null && UNITS.contains(f.argString.toLowerCase(Locale.ROOT));
        }
        f.argTokens = 0;
        f.argString = null;
    }
}
