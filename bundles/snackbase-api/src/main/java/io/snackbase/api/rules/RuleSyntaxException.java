package io.snackbase.api.rules;

/**
 * An expression that does not parse (domain.md §3.1-3.2), or that is longer or nested deeper than
 * the configured limits. The message has the form {@code "<reason> at position <n>"}.
 */
public class RuleSyntaxException extends RuleException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;

    /**
     * @param reason what is wrong, without the position
     * @param position the 0-based character offset in the expression where the problem was found
     *     (the input's length for a premature end)
     */
    public RuleSyntaxException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** @return what is wrong, without the position */
    public String reason() {
        return reason;
    }

    /** @return the 0-based character offset of the problem */
    public int position() {
        return position;
    }
}
