package io.snackbase.rules.internal;

import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.rules.internal.Piece.Type;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Resolves variables and the caller functions of a scope (domain.md §3.3 and §3.7). */
final class Variables {

    static final String AUTH = "@request.auth.";
    static final String DATA = "@request.data.";

    private final Scope scope;

    Variables(Scope scope) {
        this.scope = scope;
    }

    Piece resolve(String name) throws RuleCompileException {
        if (name.startsWith("@")) {
            if (scope.kind() == Scope.Kind.FILTER) {
                throw new RuleCompileException("Context variables are not allowed in filters: '" + name
                        + "'. Use plain field names only (e.g., status, price, created_at).");
            }
            if (name.startsWith(AUTH)) {
                return auth(name);
            }
            if (name.startsWith(DATA)) {
                return data(name);
            }
            throw new RuleCompileException("Unknown variable '" + name + "'");
        }
        if (!SqlCompiler.isFieldName(name)) {
            throw new RuleCompileException("Invalid field name '" + name + "': use a plain field name (letters, digits, _)");
        }
        if (scope.schema() == null) {
            return new Piece(SqlCompiler.quote(scope, name), java.util.List.of(), Type.ANY, null, null, false, null, false, null);
        }
        Optional<FieldType> type = scope.schema().typeOf(name);
        if (type.isEmpty()) {
            throw new RuleCompileException("Field '" + name + "' does not exist in collection. Available fields: "
                    + String.join(", ", scope.schema().names()));
        }
        var computed = scope.schema().computed(name);
        if (computed.isPresent()) {
            var c = computed.get();
            return new Piece("(" + c.sql().sql() + ")", java.util.Collections.unmodifiableList(new java.util.ArrayList<>(c.sql().parameters())), Piece.typeOf(c.type()), name, c.type(),
                    false, null, false, null);
        }
        return Piece.column(SqlCompiler.quote(scope, name), name, type.get());
    }

    private Piece auth(String name) throws RuleCompileException {
        String key = name.substring(AUTH.length());
        if (!key.equals("id") && !key.equals("email") && !key.equals("role") && !key.equals("account_id")) {
            throw new RuleCompileException("Unknown variable '" + name + "'. Allowed: @request.auth.id, "
                    + "@request.auth.email, @request.auth.role, @request.auth.account_id");
        }
        if (!scope.bound()) {
            return Piece.variable(name, Piece.UNBOUND, Type.TEXT);
        }
        var caller = scope.caller();
        String value = caller == null ? null : switch (key) {
            case "id" -> caller.userId();
            case "email" -> caller.email();
            case "role" -> caller.role();
            default -> caller.accountId();
        };
        return Piece.variable(name, value, value == null ? Type.NULL : Type.TEXT);
    }

    private Piece data(String name) throws RuleCompileException {
        String field = name.substring(DATA.length());
        if (scope.kind() == Scope.Kind.RULE && !scope.operation().allowsRequestData()) {
            throw new RuleCompileException("@request.data is only allowed in create and update rules, not in the "
                    + scope.operation().ruleKey() + ": '" + name + "'");
        }
        if (!SqlCompiler.isFieldName(field)) {
            throw new RuleCompileException("Invalid variable '" + name + "': use @request.data.<field>");
        }
        if (!scope.bound()) {
            return Piece.variable(name, Piece.UNBOUND, Type.ANY);
        }
        Map<String, ?> data = scope.data();
        Object value = data == null ? null : data.get(field);
        Type type = Piece.typeOfValue(value);
        if (type == Type.ANY) {
            throw new RuleCompileException("'" + name + "' holds a value rules cannot compare (an object or a list)");
        }
        return Piece.variable(name, value, type);
    }

    /** Only the caller functions survive {@link Macros#expand}; filters see every call as forbidden. */
    Piece call(Node.Call call) throws RuleCompileException {
        if (scope.kind() == Scope.Kind.FILTER) {
            throw new RuleCompileException("Functions are not allowed in filters: '" + call.name() + "()'");
        }
        if (!scope.bound()) {
            return Piece.variable(call.name() + "()", Piece.UNBOUND, Type.BOOLEAN);
        }
        Object first = ((Node.Literal) call.args().get(0)).value();
        boolean value;
        if (call.name().equals(Macros.HAS_GROUP)) {
            value = scope.caller() != null && scope.caller().inGroup((String) first);
        } else {
            long to = (Long) ((Node.Literal) call.args().get(1)).value();
            value = inTimeRange(scope.clock(), (Long) first, to);
        }
        return Piece.variable(call.name() + "()", value, Type.BOOLEAN);
    }

    /** The current UTC hour h in [from, to); a range with from > to wraps past midnight. */
    static boolean inTimeRange(Clock clock, long from, long to) {
        int hour = clock.instant().atZone(ZoneOffset.UTC).getHour();
        return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
    }
}
