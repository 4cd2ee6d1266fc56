package io.snackbase.api.rules;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An extension point for rule functions beyond the built-ins ({@code @owns_record},
 * {@code @is_creator}, {@code @is_public}, {@code @has_role}, {@code @has_group},
 * {@code @in_time_range}), for example stored SQL macros (domain.md §3.7). Register as a service
 * with {@value #NAME_PROPERTY} = the function name without {@code @}; the highest
 * {@code service.ranking} wins per name.
 *
 * <p><b>Not consumed yet</b>: version 1.0 of the default {@link RuleEngine} knows only the
 * built-ins and rejects every other function with "Unknown function"; the macros issue wires this
 * interface in. Implementations must be thread-safe.
 */
@ConsumerType
public interface RuleFunction {

    /** Service property: the function's name, an identifier such as {@code has_permission}. */
    String NAME_PROPERTY = "snackbase.rules.function";

    /**
     * @param arguments the literal arguments (String, Long, Double, Boolean or null), in order
     * @param caller the caller the rule is compiled for
     * @param dialect the database the fragment runs on
     * @return a boolean SQL predicate; identifiers must be quoted, values bound
     * @throws RuleCompileException for wrong arguments (the message reaches the API caller)
     */
    SqlFragment compile(List<Object> arguments, Principal caller, DatabaseKind dialect) throws RuleCompileException;

    /**
     * @param arguments the literal arguments, in order
     * @param caller the caller, or null outside a request
     * @return the predicate's value in memory: true, false, or null for unknown
     */
    Boolean evaluate(List<Object> arguments, Principal caller);
}
