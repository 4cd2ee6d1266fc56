package io.snackbase.rules.internal;

import io.snackbase.api.rules.FieldType;
import java.util.Set;
import java.util.TreeSet;

/** Which operators each field type allows (domain.md §3.5), and the message when one does not. */
final class Operators {

    static final String IS_NULL = "IS NULL";
    static final String IS_NOT_NULL = "IS NOT NULL";
    private static final Set<String> ALL = Set.of("=", "!=", "<", "<=", ">", ">=", "~", "IN", IS_NULL, IS_NOT_NULL);
    private static final Set<String> ORDERED = Set.of("=", "!=", "<", "<=", ">", ">=", "IN", IS_NULL, IS_NOT_NULL);
    private static final Set<String> BOOLEAN = Set.of("=", "!=", IS_NULL, IS_NOT_NULL);
    private static final Set<String> REFERENCE = Set.of("=", "!=", "IN", IS_NULL, IS_NOT_NULL);
    private static final Set<String> JSON = Set.of(IS_NULL, IS_NOT_NULL);

    private Operators() {}

    static Set<String> allowed(FieldType type) {
        return switch (type) {
            case NUMBER, INTEGER, DATE, DATETIME -> ORDERED;
            case BOOLEAN -> BOOLEAN;
            case REFERENCE -> REFERENCE;
            case JSON -> JSON;
            default -> ALL;
        };
    }

    /** @return the error for {@code op} on the column, or null when the type allows it */
    static String check(Piece piece, String op) {
        if (piece.field() == null || allowed(piece.fieldType()).contains(op)) {
            return null;
        }
        return "Operator '" + op + "' is not supported for field '" + piece.field() + "' of type '"
                + piece.fieldType().key() + "'. Allowed operators: " + String.join(", ", new TreeSet<>(allowed(piece.fieldType())));
    }
}
