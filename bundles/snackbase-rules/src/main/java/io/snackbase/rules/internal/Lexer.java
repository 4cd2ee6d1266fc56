package io.snackbase.rules.internal;

import io.snackbase.api.rules.RuleSyntaxException;
import io.snackbase.rules.internal.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns expression text into tokens per domain.md §3.1; the last token is always END. */
final class Lexer {

    private final String in;
    private int pos;

    private Lexer(String in) {
        this.in = in;
    }

    static List<Token> tokenize(String text) throws RuleSyntaxException {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (!token.is(Type.END));
        return tokens;
    }

    private Token next() throws RuleSyntaxException {
        while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= in.length()) {
            return new Token(Type.END, "", start);
        }
        char c = in.charAt(pos);
        if (c >= '0' && c <= '9') {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return string(start, c);
        }
        if (Character.isLetter(c) || c == '_' || c == '@') {
            return identifier(start);
        }
        char n = pos + 1 < in.length() ? in.charAt(pos + 1) : '\0';
        pos++;
        switch (c) {
            case '=':
                if (n == '=') {
                    throw new RuleSyntaxException("Use '=' instead of '=='", start);
                }
                return new Token(Type.EQ, "=", start);
            case '!':
                return n == '=' ? two(Type.NE, "!=", start) : new Token(Type.BANG, "!", start);
            case '<':
                return n == '=' ? two(Type.LE, "<=", start) : new Token(Type.LT, "<", start);
            case '>':
                return n == '=' ? two(Type.GE, ">=", start) : new Token(Type.GT, ">", start);
            case '&':
                if (n != '&') {
                    throw new RuleSyntaxException("Unexpected character '&'. Did you mean '&&'?", start);
                }
                return two(Type.AND, "&&", start);
            case '|':
                if (n != '|') {
                    throw new RuleSyntaxException("Unexpected character '|'. Did you mean '||'?", start);
                }
                return two(Type.OR, "||", start);
            case '~': return new Token(Type.LIKE, "~", start);
            case '+': return new Token(Type.PLUS, "+", start);
            case '-': return new Token(Type.MINUS, "-", start);
            case '*': return new Token(Type.STAR, "*", start);
            case '/': return new Token(Type.SLASH, "/", start);
            case '%': return new Token(Type.PERCENT, "%", start);
            case '(': return new Token(Type.LPAREN, "(", start);
            case ')': return new Token(Type.RPAREN, ")", start);
            case ',': return new Token(Type.COMMA, ",", start);
            default:
                throw new RuleSyntaxException("Unexpected character '" + printable(c) + "'", start);
        }
    }

    private Token two(Type type, String text, int start) {
        pos++;
        return new Token(type, text, start);
    }

    private Token number(int start) {
        while (pos < in.length() && isDigit(in.charAt(pos))) {
            pos++;
        }
        // "1." and "1.x" leave the dot to the next token (an error there), as digits.digits is required.
        if (pos + 1 < in.length() && in.charAt(pos) == '.' && isDigit(in.charAt(pos + 1))) {
            pos++;
            while (pos < in.length() && isDigit(in.charAt(pos))) {
                pos++;
            }
            return new Token(Type.FLOAT, in.substring(start, pos), start);
        }
        return new Token(Type.INTEGER, in.substring(start, pos), start);
    }

    private Token string(int start, char quote) throws RuleSyntaxException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == quote) {
                return new Token(Type.STRING, value.toString(), start);
            }
            if (c == '\0') {
                // PostgreSQL refuses NUL in text; no database stores it faithfully
                throw new RuleSyntaxException("NUL character in string", pos - 1);
            }
            if (c == '\\' && pos < in.length()) {
                char e = in.charAt(pos++);
                if (e != '"' && e != '\'' && e != '\\') {
                    value.append('\\'); // unknown escapes stay verbatim, backslash included
                }
                value.append(e);
            } else {
                value.append(c);
            }
        }
        throw new RuleSyntaxException("Unterminated string", start);
    }

    private Token identifier(int start) {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@')) {
                break;
            }
            pos++;
        }
        String text = in.substring(start, pos);
        Type type = switch (text.toUpperCase(Locale.ROOT)) {
            case "IN" -> Type.IN;
            case "IS" -> Type.IS;
            case "TRUE" -> Type.TRUE;
            case "FALSE" -> Type.FALSE;
            case "NULL" -> Type.NULL;
            default -> Type.IDENTIFIER;
        };
        return new Token(type, text, start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
