package io.snackbase.rules.internal;

import io.snackbase.api.rules.FieldType;
import java.util.List;

/**
 * A compiled operand: SQL text with its parameters and static type, or a constant whose binding waits
 * until the compiler knows what it is compared with (a date text against a date column, a boolean
 * on a dialect without booleans).
 *
 * @param sql the SQL text (unused for constants)
 * @param params the parameters of {@code sql}, in order
 * @param type the static type
 * @param field the schema field when the operand is exactly a column, else null
 * @param fieldType that field's type, else null
 * @param constant true for a value known at compile time (literal or bound variable)
 * @param value the constant's value ({@link #UNBOUND} for a variable compiled without the caller)
 * @param literal true when the constant was written in the expression
 * @param source how a variable is named in messages, else null
 */
record Piece(String sql, List<Object> params, Type type, String field, FieldType fieldType, boolean constant,
        Object value, boolean literal, String source) {

    /** The value of a variable when only validating. */
    static final Object UNBOUND = new Object() {
        @Override
        public String toString() {
            return "UNBOUND";
        }
    };

    /** Static types: what an operand is, as far as operators care. */
    enum Type { TEXT, NUMBER, INTEGER, BOOLEAN, DATE, DATETIME, JSON, NULL, ANY }

    static Piece expr(String sql, List<Object> params, Type type) {
        return new Piece(sql, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params)), type, null, null, false, null, false, null);
    }

    static Piece column(String sql, String field, FieldType fieldType) {
        return new Piece(sql, List.of(), typeOf(fieldType), field, fieldType, false, null, false, null);
    }

    static Piece literal(Object value) {
        return new Piece(null, List.of(), typeOfValue(value), null, null, true, value, true, null);
    }

    static Piece variable(String name, Object value, Type type) {
        return new Piece(null, List.of(), type, null, null, true, value, false, name);
    }

    Piece withValue(Object newValue, Type newType) {
        return new Piece(sql, params, newType, field, fieldType, constant, newValue, literal, source);
    }

    boolean isNull() {
        return type == Type.NULL;
    }

    boolean numeric() {
        return type == Type.NUMBER || type == Type.INTEGER;
    }

    static Type typeOf(FieldType fieldType) {
        return switch (fieldType) {
            case NUMBER -> Type.NUMBER;
            case INTEGER -> Type.INTEGER;
            case BOOLEAN -> Type.BOOLEAN;
            case DATE -> Type.DATE;
            case DATETIME -> Type.DATETIME;
            case JSON -> Type.JSON;
            // a field whose type is not known (POST /rules/validate sends names only) compares with anything
            case UNKNOWN -> Type.ANY;
            default -> Type.TEXT;
        };
    }

    static Type typeOfValue(Object value) {
        if (value == null) {
            return Type.NULL;
        }
        if (value instanceof String) {
            return Type.TEXT;
        }
        if (value instanceof Boolean) {
            return Type.BOOLEAN;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Type.INTEGER;
        }
        return value instanceof Number ? Type.NUMBER : Type.ANY;
    }

    /** @return how the operand is named in an error message */
    String describe() {
        if (field != null) {
            return "field '" + field + "' of type '" + fieldType.key() + "'";
        }
        if (source != null) {
            return "'" + source + "'";
        }
        if (literal) {
            return switch (type) {
                case NULL -> "null";
                case TEXT -> "the text \"" + value + "\"";
                case BOOLEAN -> "the boolean " + value;
                default -> "the number " + value;
            };
        }
        return switch (type) {
            case BOOLEAN -> "a condition";
            case NUMBER, INTEGER -> "a number expression";
            default -> "a " + type.name().toLowerCase(java.util.Locale.ROOT) + " expression";
        };
    }
}
