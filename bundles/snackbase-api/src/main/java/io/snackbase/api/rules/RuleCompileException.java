package io.snackbase.api.rules;

import java.util.List;

/**
 * An expression that parses but cannot be compiled or validated: an unknown field, an operator the
 * field's type does not allow, a type mismatch, a variable or function not allowed where the
 * expression is used. {@link #getMessage()} joins all {@link #errors()} with {@code "; "}.
 */
public class RuleCompileException extends RuleException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    /** @param errors one or more caller-facing reasons, in the order found */
    public RuleCompileException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** @param error the caller-facing reason */
    public RuleCompileException(String error) {
        this(List.of(error));
    }

    /** @return the reasons, at least one */
    public List<String> errors() {
        return errors;
    }
}
