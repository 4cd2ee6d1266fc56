package io.snackbase.rules.internal;

import java.util.List;

/** The syntax tree of an expression; every node knows where it starts and how tall it is. */
sealed interface Node {

    /** @return the 0-based offset of the node's first token */
    int position();

    /** @return 1 for a leaf, else 1 + the tallest child: bounds every recursive walk */
    int height();

    /** A literal: String, Long, Double, Boolean, or null for NULL. */
    record Literal(Object value, int position) implements Node {
        public int height() {
            return 1;
        }
    }

    /** A variable: a field name, or an {@code @...} name. */
    record Var(String name, int position) implements Node {
        public int height() {
            return 1;
        }
    }

    /** {@code !operand} or {@code -operand}. */
    record Unary(char op, Node operand, int position, int height) implements Node {
        Unary(char op, Node operand, int position) {
            this(op, operand, position, operand.height() + 1);
        }
    }

    /** {@code a && b && ...} or {@code a || b || ...}, flattened so long chains stay shallow. */
    record Logic(boolean and, List<Node> operands, int position, int height) implements Node {
        Logic(boolean and, List<Node> operands) {
            this(and, List.copyOf(operands), operands.get(0).position(),
                    operands.stream().mapToInt(Node::height).max().orElse(0) + 1);
        }
    }

    /** Arithmetic: op is one of {@code + - * / %}. */
    record Arith(char op, Node left, Node right, int position, int height) implements Node {
        Arith(char op, Node left, Node right) {
            this(op, left, right, left.position(), Math.max(left.height(), right.height()) + 1);
        }
    }

    /** A comparison: op is one of {@code = != < <= > >= ~}. */
    record Compare(String op, Node left, Node right, int position, int height) implements Node {
        Compare(String op, Node left, Node right) {
            this(op, left, right, left.position(), Math.max(left.height(), right.height()) + 1);
        }
    }

    /** {@code left IN (items)}. */
    record In(Node left, List<Node> items, int position, int height) implements Node {
        In(Node left, List<Node> items) {
            this(left, List.copyOf(items), left.position(), Math.max(left.height(),
                    items.stream().mapToInt(Node::height).max().orElse(0)) + 1);
        }
    }

    /** {@code operand IS [NOT] NULL}. */
    record IsNull(Node operand, boolean negated, int position, int height) implements Node {
        IsNull(Node operand, boolean negated) {
            this(operand, negated, operand.position(), operand.height() + 1);
        }
    }

    /** A function call {@code name(args)}. */
    record Call(String name, List<Node> args, int position, int height) implements Node {
        Call(String name, List<Node> args, int position) {
            this(name, List.copyOf(args), position, args.stream().mapToInt(Node::height).max().orElse(0) + 1);
        }
    }
}
