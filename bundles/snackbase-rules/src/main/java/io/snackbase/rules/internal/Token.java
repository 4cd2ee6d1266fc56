package io.snackbase.rules.internal;

/**
 * One lexical token: its kind, its source text (the decoded value for strings) and where it starts.
 *
 * @param type the kind
 * @param text the identifier, operator or number as written; a string's decoded value
 * @param position the 0-based offset of its first character
 */
record Token(Type type, String text, int position) {

    /** The token kinds of domain.md §3.1. */
    enum Type {
        INTEGER, FLOAT, STRING, IDENTIFIER, TRUE, FALSE, NULL, IN, IS,
        EQ, NE, LT, LE, GT, GE, LIKE, AND, OR, BANG, PLUS, MINUS, STAR, SLASH, PERCENT,
        LPAREN, RPAREN, COMMA, END
    }

    boolean is(Type expected) {
        return type == expected;
    }

    /** @return how the token is named in an error message */
    String describe() {
        return switch (type) {
            case END -> "end of expression";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
