package io.snackbase.api.rules;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Parses, validates and compiles the rule and filter expression language (domain.md §3). The
 * default implementation registers with {@code snackbase.impl=default} and configuration PID
 * {@code io.snackbase.rules} (maximum expression length and nesting depth).
 *
 * <p>Compiled SQL uses {@code ?} placeholders only; columns are the schema's fields, quoted for the
 * dialect ({@code "x"} on SQLite and PostgreSQL, {@code `x`} on MySQL/MariaDB) and qualified with
 * the schema's table alias when it has one. The fragments do not include the tenant condition
 * ({@code account_id = ?}): the caller ANDs it in. Thread-safe; nothing is cached per call.
 */
@ProviderType
public interface RuleEngine {

    /**
     * Checks that an expression parses (no schema, no scope).
     *
     * @param expression the text
     * @throws RuleSyntaxException when it does not parse or exceeds the configured limits
     */
    void parse(String expression) throws RuleSyntaxException;

    /**
     * Compiles a record filter ({@code ?filter=}, domain.md §3.5): schema fields and system fields
     * only, no {@code @} variables or functions, operators per field type.
     *
     * @param filter the filter text; null, empty or blank means no filter
     * @param schema the collection's fields
     * @param dialect the database the fragment runs on
     * @return the WHERE fragment, empty for no filter
     * @throws RuleException syntax ({@link RuleSyntaxException}) or validation
     *     ({@link RuleCompileException}) errors, for a 400 "Invalid filter expression"
     */
    Optional<SqlFragment> compileFilter(String filter, FieldSchema schema, DatabaseKind dialect) throws RuleException;

    /**
     * Validates a rule as {@code PUT /collections/{name}/rules} must (domain.md §3.6): null and
     * {@code ""} are valid; otherwise it must parse, name only schema and system fields, use only
     * the allowed {@code @request.auth.*} variables, {@code @request.data.*} only for create and
     * update, and the built-in functions.
     *
     * @param operation the operation the rule is for
     * @param rule the rule text, or null
     * @param schema the collection's fields
     * @throws RuleException the first problems found (the caller prefixes "Invalid <op>_rule: ")
     */
    void validateRule(RuleOperation operation, String rule, FieldSchema schema) throws RuleException;

    /**
     * Decides what a rule means for one caller: superadmin → ALLOW (rules skipped); null → LOCKED;
     * {@code ""} (or blank) → ALLOW; an expression → AUTHENTICATION_REQUIRED for an anonymous
     * caller, else FILTER with the compiled fragment, {@code @request.auth.*} and the caller
     * functions bound from {@code caller}, {@code @request.data.*} from {@code requestData}.
     *
     * @param operation the operation the rule is for
     * @param rule the rule text, or null
     * @param schema the collection's fields
     * @param dialect the database
     * @param caller the caller
     * @param requestData the request body for create and update rules, else null
     * @return the decision
     * @throws RuleException when the rule is invalid, or a {@code @request.data} value's type does
     *     not fit what it is compared with
     */
    RuleDecision decide(RuleOperation operation, String rule, FieldSchema schema, DatabaseKind dialect,
            Principal caller, Map<String, ?> requestData) throws RuleException;

    /**
     * Parses a condition for in-memory evaluation without a schema: any plain field name is allowed,
     * {@code @request.*} variables are null unless a caller is given to
     * {@link Condition#matches(Map, Principal, Map)}.
     *
     * @param expression the text (not blank)
     * @return the condition
     * @throws RuleException when it does not parse or uses an unknown function
     */
    Condition condition(String expression) throws RuleException;

    /**
     * Parses a condition and validates it as a filter of {@code schema} would be (same fields,
     * operators and types), so that {@link Condition#matches(Map)} agrees with the SQL of
     * {@link #compileFilter}.
     *
     * @param expression the text (not blank)
     * @param schema the fields
     * @return the condition
     * @throws RuleException syntax or validation errors
     */
    Condition condition(String expression, FieldSchema schema) throws RuleException;

    /**
     * Compiles a computed field's expression (domain.md §2.5) to a SQL value expression: schema
     * fields that are not computed and system fields (qualified with the schema's table alias),
     * literals bound, operators, comparisons, logic and the functions concat, upper, lower, trim,
     * length, substring, round, abs, ceil, floor, if, coalesce, nullif, now, date_diff, date_add.
     * No {@code @} variables. Date-times are epoch microseconds, dates ISO text.
     *
     * @param expression the text
     * @param schema the collection's fields (computed ones may be listed: they are refused)
     * @param dialect the database
     * @return the value expression with its parameters
     * @throws RuleException syntax or validation errors
     * @since 1.1
     */
    default SqlFragment compileComputed(String expression, FieldSchema schema, DatabaseKind dialect) throws RuleException {
        throw new RuleCompileException("Computed expressions are not supported by this rule engine");
    }
}
