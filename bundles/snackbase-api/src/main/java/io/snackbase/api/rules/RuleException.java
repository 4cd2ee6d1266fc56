package io.snackbase.api.rules;

/**
 * An expression that cannot be used: the base of {@link RuleSyntaxException} (it does not parse)
 * and {@link RuleCompileException} (it parses but does not fit the schema or the place it is used).
 * The message is meant for the API caller (a 400 response), never contains SQL, and is safe to echo.
 */
public abstract class RuleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the caller-facing reason */
    protected RuleException(String message) {
        super(message);
    }
}
