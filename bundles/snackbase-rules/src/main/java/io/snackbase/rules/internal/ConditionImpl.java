package io.snackbase.rules.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.Condition;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A checked, macro-expanded tree ready for in-memory evaluation; immutable. */
final class ConditionImpl implements Condition {

    private final String expression;
    private final Node tree;
    private final Clock clock;
    private final Map<String, FieldType> types;

    /** @param schema the fields whose stored forms are read as the SQL reads them; null = system fields only */
    ConditionImpl(String expression, Node tree, Clock clock, FieldSchema schema) {
        this.expression = expression;
        this.tree = tree;
        this.clock = clock;
        this.types = schema == null ? FieldSchema.SYSTEM_FIELDS : schema.fields();
    }

    /**
     * Reads a record as the compiled SQL reads its row: a date-time given as a number is epoch
     * microseconds (the records tables' BIGINT), as text it is ISO-8601; a boolean given as a number is
     * 0/1 (SQLite, MariaDB). Other values are left alone.
     */
    private Map<String, ?> normalized(Map<String, ?> record) {
        if (record == null) {
            return null;
        }
        Map<String, Object> copy = null;
        for (Map.Entry<String, ?> e : record.entrySet()) {
            Object value = e.getValue();
            FieldType type = types.get(e.getKey());
            Object read = value;
            if (type == FieldType.DATETIME && value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
                read = Temporals.ofMicros(n.longValue());
            } else if (type == FieldType.DATETIME && value instanceof String text && Temporals.instant(text) != null) {
                read = Temporals.instant(text);
            } else if (type == FieldType.BOOLEAN && value instanceof Number n) {
                read = n.doubleValue() != 0;
            }
            if (read != value) {
                if (copy == null) {
                    copy = new HashMap<>(record);
                }
                copy.put(e.getKey(), read);
            }
        }
        return copy == null ? record : copy;
    }

    @Override
    public boolean matches(Map<String, ?> record) {
        return Boolean.TRUE.equals(evaluate(record));
    }

    @Override
    public boolean matches(Map<String, ?> record, Principal caller, Map<String, ?> requestData) {
        return Boolean.TRUE.equals(new Evaluator(normalized(record), caller, requestData, clock).condition(tree));
    }

    @Override
    public Boolean evaluate(Map<String, ?> record) {
        return new Evaluator(normalized(record), null, null, clock).condition(tree);
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return "Condition[" + expression + "]";
    }
}
