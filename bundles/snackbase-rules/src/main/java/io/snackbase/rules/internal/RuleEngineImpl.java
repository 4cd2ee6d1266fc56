package io.snackbase.rules.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.Condition;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.RuleDecision;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.api.rules.RuleSyntaxException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The default rule engine: owns the parse limits and the path text → tree → SQL or condition. */
@Component(configurationPid = RulesConfig.PID, service = RuleEngine.class, property = "snackbase.impl=default")
@Designate(ocd = RulesConfig.class)
public class RuleEngineImpl implements RuleEngine {

    private volatile int maxLength = 10_000;
    private volatile int maxDepth = 64;
    private final Clock clock;
    /** Parsed and macro-expanded collection rules: a few per collection, decided on every request. */
    private final java.util.concurrent.ConcurrentHashMap<String, Node> ruleTrees = new java.util.concurrent.ConcurrentHashMap<>();
    static final int RULE_TREE_ENTRIES = 2048;

    /** For DS. */
    public RuleEngineImpl() {
        this(10_000, 64, Clock.systemUTC());
    }

    /** For tests outside OSGi. */
    RuleEngineImpl(int maxLength, int maxDepth, Clock clock) {
        this.maxLength = maxLength;
        this.maxDepth = maxDepth;
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(RulesConfig config) {
        maxLength = Math.max(1, Math.min(config.maxLength(), 1_000_000));
        maxDepth = Math.max(1, Math.min(config.maxDepth(), 500));
        ruleTrees.clear(); // trees were parsed under the old limits
    }

    @Override
    public void parse(String expression) throws RuleSyntaxException {
        tree(expression);
    }

    @Override
    public Optional<SqlFragment> compileFilter(String filter, FieldSchema schema, DatabaseKind dialect) throws RuleException {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SqlCompiler.compile(tree(filter), Scope.filter(schema, dialect)));
    }

    @Override
    public void validateRule(RuleOperation operation, String rule, FieldSchema schema) throws RuleException {
        if (rule != null && !rule.isBlank()) {
            SqlCompiler.compile(Macros.expand(tree(rule)), Scope.validateRule(operation, schema));
        }
    }

    @Override
    public RuleDecision decide(RuleOperation operation, String rule, FieldSchema schema, DatabaseKind dialect,
            Principal caller, Map<String, ?> requestData) throws RuleException {
        Objects.requireNonNull(caller, "caller");
        if (caller.isSuperadmin()) {
            return RuleDecision.ALLOW;
        }
        if (rule == null) {
            return RuleDecision.LOCKED;
        }
        if (rule.isBlank()) {
            return RuleDecision.ALLOW;
        }
        Node tree = ruleTree(rule);
        if (caller.isAnonymous()) {
            // Validate first so a broken rule is reported as such, not as "authentication required".
            SqlCompiler.compile(tree, Scope.validateRule(operation, schema));
            return RuleDecision.AUTHENTICATION_REQUIRED;
        }
        Map<String, ?> data = operation.allowsRequestData() ? requestData : null;
        return RuleDecision.filter(SqlCompiler.compile(tree, Scope.rule(operation, schema, dialect, caller, data, clock)));
    }

    @Override
    public Condition condition(String expression) throws RuleException {
        Node tree = Macros.expand(tree(expression));
        SqlCompiler.compile(tree, Scope.condition());
        return new ConditionImpl(expression, tree, clock, null);
    }

    @Override
    public Condition condition(String expression, FieldSchema schema) throws RuleException {
        Node tree = tree(expression);
        SqlCompiler.compile(tree, Scope.filter(schema, DatabaseKind.SQLITE));
        return new ConditionImpl(expression, tree, clock, schema);
    }

    @Override
    public SqlFragment compileComputed(String expression, FieldSchema schema, DatabaseKind dialect) throws RuleException {
        return ComputedCompiler.compile(tree(expression), schema, dialect, clock.instant());
    }

    /** @return the rule's expanded tree, parsed once (trees are immutable records; failures are not kept) */
    private Node ruleTree(String rule) throws RuleException {
        Node tree = ruleTrees.get(rule);
        if (tree == null) {
            tree = Macros.expand(tree(rule));
            if (ruleTrees.size() >= RULE_TREE_ENTRIES) {
                ruleTrees.clear(); // rules are few; reaching the bound means churn, so start over
            }
            ruleTrees.put(rule, tree);
        }
        return tree;
    }

    private Node tree(String expression) throws RuleSyntaxException {
        return Parser.parse(Objects.requireNonNull(expression, "expression"), maxLength, maxDepth);
    }
}
