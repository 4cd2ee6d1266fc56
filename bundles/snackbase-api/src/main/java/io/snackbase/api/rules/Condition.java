package io.snackbase.api.rules;

import io.snackbase.api.context.Principal;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A parsed expression evaluated in memory (webhook filters, hook and workflow conditions,
 * domain.md §3.8), with the same meaning it has when compiled to SQL: SQL three-valued logic (a
 * comparison with null is unknown, {@code !unknown} is unknown, unknown does not match), numbers
 * compared by value ({@code 5 = 5.0}), {@code ~} a case-insensitive LIKE match of the whole value,
 * {@code x = null} meaning {@code x IS NULL}. Values of different kinds are never equal; ordering
 * them is treated as equal (so {@code <} is false and {@code <=} true), as the reference does.
 *
 * <p>Immutable and thread-safe: parse once, evaluate from any thread. Evaluation never throws for a
 * record; callers that must "fail open" (webhooks, domain.md §3.8) do so on the
 * {@link RuleException} of {@link RuleEngine#condition}.
 */
@ProviderType
public interface Condition {

    /**
     * @param record field values by name (missing names are null); values may be String, Number,
     *     Boolean, java.time dates and times, or anything else (compared by equality only)
     * @return true when the condition holds; false when it is false or unknown. {@code @request.*}
     *     variables are null.
     */
    boolean matches(Map<String, ?> record);

    /**
     * @param record field values by name
     * @param caller the caller whose values {@code @request.auth.*} and the caller functions read
     * @param requestData the request body read by {@code @request.data.*}, or null
     * @return true when the condition holds
     */
    boolean matches(Map<String, ?> record, Principal caller, Map<String, ?> requestData);

    /**
     * @param record field values by name
     * @return {@link Boolean#TRUE}, {@link Boolean#FALSE}, or null when the result is unknown
     */
    Boolean evaluate(Map<String, ?> record);

    /** @return the expression text as given */
    String expression();
}
