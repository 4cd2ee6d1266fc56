package io.snackbase.rules.internal;

import io.snackbase.api.rules.RuleSyntaxException;
import io.snackbase.rules.internal.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser of domain.md §3.2. The nesting limit is checked before each descent and
 * the tree height after each node, so no walk of the result can overflow the stack.
 */
final class Parser {

    private final List<Token> tokens;
    private final int maxDepth;
    private int index;
    private int depth;

    private Parser(List<Token> tokens, int maxDepth) {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
    }

    /**
     * @param text the expression
     * @param maxLength the longest accepted text
     * @param maxDepth the deepest accepted nesting (and tree height)
     * @return the tree
     */
    static Node parse(String text, int maxLength, int maxDepth) throws RuleSyntaxException {
        if (text.length() > maxLength) {
            throw new RuleSyntaxException("Expression is longer than " + maxLength + " characters", maxLength);
        }
        Parser parser = new Parser(Lexer.tokenize(text), maxDepth);
        if (parser.peek().is(Type.END)) {
            throw new RuleSyntaxException("Empty expression", parser.peek().position());
        }
        Node node = parser.expression();
        if (!parser.peek().is(Type.END)) {
            throw parser.unexpected(parser.peek(), " after expression");
        }
        return node;
    }

    private Node expression() throws RuleSyntaxException {
        List<Node> operands = new ArrayList<>(List.of(andExpr()));
        while (accept(Type.OR)) {
            operands.add(andExpr());
        }
        return operands.size() == 1 ? operands.get(0) : checked(new Node.Logic(false, operands));
    }

    private Node andExpr() throws RuleSyntaxException {
        List<Node> operands = new ArrayList<>(List.of(unary()));
        while (accept(Type.AND)) {
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : checked(new Node.Logic(true, operands));
    }

    private Node unary() throws RuleSyntaxException {
        Token bang = peek();
        if (accept(Type.BANG)) {
            enter(bang);
            Node operand = unary();
            depth--;
            return checked(new Node.Unary('!', operand, bang.position()));
        }
        return comparison();
    }

    private Node comparison() throws RuleSyntaxException {
        Node left = additive();
        Token op = peek();
        switch (op.type()) {
            case EQ, NE, LT, LE, GT, GE, LIKE -> {
                index++;
                return checked(new Node.Compare(op.text(), left, additive()));
            }
            case IN -> {
                index++;
                expect(Type.LPAREN, "'(' after IN");
                List<Node> items = new ArrayList<>(List.of(additive()));
                while (accept(Type.COMMA)) {
                    items.add(additive());
                }
                expect(Type.RPAREN, "')' to close the IN list");
                return checked(new Node.In(left, items));
            }
            case IS -> {
                index++;
                boolean negated = peek().is(Type.IDENTIFIER) && peek().text().equalsIgnoreCase("NOT");
                if (negated) {
                    index++;
                }
                expect(Type.NULL, negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
                return checked(new Node.IsNull(left, negated));
            }
            default -> {
                return left;
            }
        }
    }

    private Node additive() throws RuleSyntaxException {
        Node left = multiplicative();
        while (peek().is(Type.PLUS) || peek().is(Type.MINUS)) {
            char op = tokens.get(index++).text().charAt(0);
            left = checked(new Node.Arith(op, left, multiplicative()));
        }
        return left;
    }

    private Node multiplicative() throws RuleSyntaxException {
        Node left = atom();
        while (peek().is(Type.STAR) || peek().is(Type.SLASH) || peek().is(Type.PERCENT)) {
            char op = tokens.get(index++).text().charAt(0);
            left = checked(new Node.Arith(op, left, atom()));
        }
        return left;
    }

    private Node atom() throws RuleSyntaxException {
        Token t = tokens.get(index++);
        switch (t.type()) {
            case INTEGER: return new Node.Literal(integer(t), t.position());
            case FLOAT: return new Node.Literal(decimal(t), t.position());
            case STRING: return new Node.Literal(t.text(), t.position());
            case TRUE: return new Node.Literal(Boolean.TRUE, t.position());
            case FALSE: return new Node.Literal(Boolean.FALSE, t.position());
            case NULL: return new Node.Literal(null, t.position());
            case MINUS: {
                enter(t);
                Node operand = atom();
                depth--;
                return checked(new Node.Unary('-', operand, t.position()));
            }
            case LPAREN: {
                enter(t);
                Node inner = expression();
                expect(Type.RPAREN, "')'");
                depth--;
                return inner;
            }
            case IDENTIFIER:
                if (peek().is(Type.LPAREN)) {
                    return call(t);
                }
                if (t.text().equalsIgnoreCase("NOT") && startsAtom(peek())) {
                    throw new RuleSyntaxException("Use '!' instead of 'NOT'", t.position());
                }
                return new Node.Var(t.text(), t.position());
            default:
                index--;
                throw unexpected(t, "");
        }
    }

    private Node call(Token name) throws RuleSyntaxException {
        Token open = tokens.get(index++);
        enter(open);
        List<Node> args = new ArrayList<>();
        if (!accept(Type.RPAREN)) {
            do {
                args.add(expression());
            } while (accept(Type.COMMA));
            expect(Type.RPAREN, "')' to close the arguments of " + name.text());
        }
        depth--;
        return checked(new Node.Call(name.text(), args, name.position()));
    }

    private static boolean startsAtom(Token t) {
        return switch (t.type()) {
            case INTEGER, FLOAT, STRING, TRUE, FALSE, NULL, IDENTIFIER, LPAREN, BANG, MINUS -> true;
            default -> false;
        };
    }

    private Long integer(Token t) throws RuleSyntaxException {
        try {
            return Long.valueOf(t.text());
        } catch (NumberFormatException e) {
            throw new RuleSyntaxException("Number " + t.text() + " is too large", t.position());
        }
    }

    private Double decimal(Token t) throws RuleSyntaxException {
        double value = Double.parseDouble(t.text());
        if (Double.isInfinite(value)) {
            throw new RuleSyntaxException("Number " + t.text() + " is too large", t.position());
        }
        return value;
    }

    private void enter(Token at) throws RuleSyntaxException {
        if (++depth > maxDepth) {
            throw new RuleSyntaxException("Expression is nested deeper than " + maxDepth + " levels", at.position());
        }
    }

    private Node checked(Node node) throws RuleSyntaxException {
        if (node.height() > maxDepth) {
            throw new RuleSyntaxException("Expression is nested deeper than " + maxDepth + " levels", peek().position());
        }
        return node;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private boolean accept(Type type) {
        if (peek().is(type)) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(Type type, String what) throws RuleSyntaxException {
        if (!accept(type)) {
            throw unexpected(peek(), ", expected " + what);
        }
    }

    /** Words people write for operators get a pointed message (domain.md §3.1: they are not operators). */
    private RuleSyntaxException unexpected(Token t, String context) {
        if (t.is(Type.IDENTIFIER)) {
            switch (t.text().toUpperCase(Locale.ROOT)) {
                case "AND": return new RuleSyntaxException("Use '&&' instead of 'AND'", t.position());
                case "OR": return new RuleSyntaxException("Use '||' instead of 'OR'", t.position());
                case "NOT": return new RuleSyntaxException("Use '!' instead of 'NOT'", t.position());
                default: break;
            }
        }
        if (t.is(Type.END)) {
            return new RuleSyntaxException("Unexpected end of expression" + context, t.position());
        }
        return new RuleSyntaxException("Unexpected token " + t.describe() + context, t.position());
    }
}
