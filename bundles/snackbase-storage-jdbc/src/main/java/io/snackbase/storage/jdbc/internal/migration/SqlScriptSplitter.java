package io.snackbase.storage.jdbc.internal.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements. A statement ends with a {@code ;} at the end of a
 * line, outside string literals, outside PostgreSQL {@code $$} bodies and outside a
 * {@code BEGIN ... END;} block, so that trigger and function bodies stay whole. Lines that are
 * only a {@code --} comment are dropped.
 */
public final class SqlScriptSplitter {

    private SqlScriptSplitter() {}

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int blockDepth = 0;
        boolean inQuote = false;
        boolean inDollarBody = false;
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            boolean literal = inQuote || inDollarBody;
            if (!literal && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            inQuote ^= count(line, "'") % 2 == 1;
            inDollarBody ^= count(line, "$$") % 2 == 1;
            current.append(line).append('\n');
            if (inQuote || inDollarBody) {
                continue;
            }
            if (!literal) {
                blockDepth += blockChange(trimmed.toUpperCase(Locale.ROOT), blockDepth);
            }
            if (blockDepth == 0 && trimmed.endsWith(";")) {
                add(statements, current);
            }
        }
        if (inQuote || inDollarBody) {
            throw new IllegalArgumentException("Unterminated string literal or $$ body in migration script");
        }
        add(statements, current);
        return statements;
    }

    private static int blockChange(String upper, int depth) {
        if (upper.equals("BEGIN") || upper.endsWith(" BEGIN") || upper.startsWith("BEGIN ")) {
            return 1;
        }
        return depth > 0 && (upper.startsWith("END;") || upper.equals("END")) ? -1 : 0;
    }

    private static int count(String line, String token) {
        int n = 0;
        for (int i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String sql = current.toString().strip();
        current.setLength(0);
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }
}
