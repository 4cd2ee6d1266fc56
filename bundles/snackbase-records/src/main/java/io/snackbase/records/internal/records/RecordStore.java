package io.snackbase.records.internal.records;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.records.internal.core.Dialect;
import io.snackbase.records.internal.store.RecordMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of records on a collection table (alias {@code r}, joined to {@code accounts a} for
 * {@code account_name}). Identifiers come only from the definition and are quoted; values are bound.
 * Rows come back as column maps in stored form (see {@link RecordValues#json}).
 */
public final class RecordStore {

    public static final String ALIAS = "r";
    static final List<String> SYSTEM_COLUMNS = List.of("id", "account_id", "created_at", "updated_at", "created_by", "updated_by");

    private final RecordMapper mapper;
    private final Dialect dialect;
    private volatile java.util.function.Function<CollectionDefinition, Map<String, SqlFragment>> computed = d -> Map.of();
    private final RecordCounts counts;

    /** @param counts reuses list totals for a short time (see {@link RecordCounts}) and hears of every write */
    public RecordStore(RecordMapper mapper, Dialect dialect, RecordCounts counts) {
        this.mapper = mapper;
        this.dialect = dialect;
        this.counts = counts;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** @return the SQL of the collection's computed fields, by name */
    public Map<String, SqlFragment> computedSql(CollectionDefinition def) {
        return computed.apply(def);
    }

    /** Sets what supplies the SQL of computed fields, selected with every row (see {@link Computed}). */
    public void computed(java.util.function.Function<CollectionDefinition, Map<String, SqlFragment>> source) {
        this.computed = source;
    }

    /** One ORDER BY term: a system or schema column and its direction. */
    public record Order(String column, boolean descending) {}

    /** What a list or a fetch selects: account scope (null = all accounts), rule and filter fragments. */
    public record Where(String accountId, SqlFragment rule, SqlFragment filter) {}

    public void insert(CollectionDefinition def, Map<String, Object> columns) {
        Sql sql = new Sql(dialect).raw("INSERT INTO ").id(def.tableName()).raw(" (");
        List<String> names = new ArrayList<>(columns.keySet());
        for (int i = 0; i < names.size(); i++) {
            sql.raw(i == 0 ? "" : ", ").id(names.get(i));
        }
        sql.raw(") VALUES (");
        for (int i = 0; i < names.size(); i++) {
            sql.raw(i == 0 ? "" : ", ");
            bind(sql, def, names.get(i), columns.get(names.get(i)));
        }
        mapper.write(sql.raw(")").toString(), sql.params);
        counts.changed(def.tableName());
    }

    /** @return the number of rows changed (0 when the id, account or rule does not match) */
    public int update(CollectionDefinition def, String id, String accountId, SqlFragment rule, Map<String, Object> columns) {
        Sql sql = new Sql(dialect).raw("UPDATE ").id(def.tableName()).raw(" SET ");
        int i = 0;
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            sql.raw(i++ == 0 ? "" : ", ").id(e.getKey()).raw(" = ");
            bind(sql, def, e.getKey(), e.getValue());
        }
        where(sql.raw(" WHERE "), id, accountId, rule);
        int changedRows = mapper.write(sql.toString(), sql.params);
        counts.changed(def.tableName());
        return changedRows;
    }

    /** @return the number of rows deleted */
    public int delete(CollectionDefinition def, String id, String accountId, SqlFragment rule) {
        Sql sql = new Sql(dialect).raw("DELETE FROM ").id(def.tableName()).raw(" WHERE ");
        where(sql, id, accountId, rule);
        int deleted = mapper.write(sql.toString(), sql.params);
        counts.changedAll(); // reference fields cascade into other tables
        return deleted;
    }

    private static void where(Sql sql, String id, String accountId, SqlFragment rule) {
        sql.id("id").raw(" = ").value(id);
        if (accountId != null) {
            sql.raw(" AND ").id("account_id").raw(" = ").value(accountId);
        }
        if (rule != null) {
            sql.raw(" AND (").fragment(rule).raw(")");
        }
    }

    /** @return the row of an id within the scope, or null */
    public Map<String, Object> get(CollectionDefinition def, String id, Where where) {
        Sql sql = select(def);
        sql.raw(" WHERE ").col(ALIAS, "id").raw(" = ").value(id);
        conditions(sql, where, true);
        List<Map<String, Object>> rows = mapper.select(sql.toString(), sql.params);
        return rows.isEmpty() ? null : normalize(rows.get(0));
    }

    /**
     * Offset listing, in the order of {@link Ordering} (the order of the keyset pages too).
     */
    public List<Map<String, Object>> list(CollectionDefinition def, Where where, List<Order> order, int skip, int limit) {
        Sql sql = select(def);
        conditions(sql.raw(" WHERE 1 = 1"), where, true);
        sql.raw(" ORDER BY ");
        new Ordering(order, computed.apply(def)).orderBy(sql, false);
        sql.raw(" LIMIT " + limit + " OFFSET " + skip);
        return mapper.select(sql.toString(), sql.params).stream().map(RecordStore::normalize).toList();
    }

    /**
     * One keyset page in the order of {@link Ordering}.
     *
     * @param key the position, or null for "from the start" in the direction
     * @param forward rows strictly after the key in the sort order, in that order; false: rows
     *     strictly before it, nearest first (the reverse order)
     * @return up to {@code limit} rows
     */
    public List<Map<String, Object>> keyset(CollectionDefinition def, Where where, List<Order> order, Cursors.Key key, boolean forward,
            int limit) {
        Ordering ordering = new Ordering(order, computed.apply(def));
        Sql sql = select(def);
        conditions(sql.raw(" WHERE 1 = 1"), where, true);
        if (key != null) {
            sql.raw(" AND ");
            ordering.after(sql, key, !forward);
        }
        sql.raw(" ORDER BY ");
        ordering.orderBy(sql, !forward);
        sql.raw(" LIMIT " + limit);
        return mapper.select(sql.toString(), sql.params).stream().map(RecordStore::normalize).toList();
    }

    /**
     * Locks the rows of those ids within the account scope ({@code SELECT ... ORDER BY id FOR
     * UPDATE}), in id order, so that transactions that change several rows take their locks in one
     * global order and cannot wait on each other in a circle. SQLite locks the whole database per
     * write transaction and needs nothing.
     */
    public void lock(CollectionDefinition def, java.util.Collection<String> ids, String accountId) {
        if (ids.isEmpty() || dialect == Dialect.SQLITE) {
            return;
        }
        Sql sql = new Sql(dialect).raw("SELECT ").id("id").raw(" FROM ").id(def.tableName()).raw(" WHERE ").id("id").raw(" IN (");
        int i = 0;
        for (String id : new java.util.TreeSet<>(ids)) {
            sql.raw(i++ == 0 ? "" : ", ").value(id);
        }
        sql.raw(")");
        if (accountId != null) {
            sql.raw(" AND ").id("account_id").raw(" = ").value(accountId);
        }
        mapper.select(sql.raw(" ORDER BY ").id("id").raw(" FOR UPDATE").toString(), sql.params);
    }

    /** @return the rows of those ids within the scope (any order) */
    public List<Map<String, Object>> byIds(CollectionDefinition def, java.util.Collection<String> ids, Where where) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Sql sql = select(def);
        sql.raw(" WHERE ").col(ALIAS, "id").raw(" IN (");
        int i = 0;
        for (String id : ids) {
            sql.raw(i++ == 0 ? "" : ", ").value(id);
        }
        sql.raw(")");
        conditions(sql, where, true);
        return mapper.select(sql.toString(), sql.params).stream().map(RecordStore::normalize).toList();
    }

    /** Runs a built statement (aggregates) and returns its rows with keys without regard to case. */
    public List<Map<String, Object>> query(Sql sql) {
        return mapper.select(sql.toString(), sql.params).stream().map(RecordStore::normalize).toList();
    }

    /** Appends the scope, rule and filter conditions (each ANDed; start after a WHERE). */
    public static void appendConditions(Sql sql, Where where) {
        conditions(sql, where, true);
    }

    public long count(CollectionDefinition def, Where where) {
        Sql sql = new Sql(dialect).raw("SELECT COUNT(*) FROM ").id(def.tableName()).raw(" " + ALIAS + " WHERE 1 = 1");
        conditions(sql, where, true);
        String text = sql.toString();
        return counts.count(def.tableName(), text, sql.params, () -> mapper.count(text, sql.params));
    }

    /** @return true when the record exists in that collection table and account */
    public boolean exists(String table, String id, String accountId) {
        Sql sql = new Sql(dialect).raw("SELECT COUNT(*) FROM ").id(table).raw(" WHERE ").id("id").raw(" = ").value(id)
                .raw(" AND ").id("account_id").raw(" = ").value(accountId);
        return mapper.count(sql.toString(), sql.params) > 0;
    }

    /** @return true when an account with that id exists */
    public boolean accountExists(String accountId) {
        Sql sql = new Sql(dialect).raw("SELECT COUNT(*) FROM ").id("accounts").raw(" WHERE ").id("id").raw(" = ").value(accountId);
        return mapper.count(sql.toString(), sql.params) > 0;
    }

    private static void conditions(Sql sql, Where where, boolean qualified) {
        if (where.accountId() != null) {
            sql.raw(" AND ").col(ALIAS, "account_id").raw(" = ").value(where.accountId());
        }
        if (where.rule() != null) {
            sql.raw(" AND (").fragment(where.rule()).raw(")");
        }
        if (where.filter() != null) {
            sql.raw(" AND (").fragment(where.filter()).raw(")");
        }
    }

    private Sql select(CollectionDefinition def) {
        Sql sql = new Sql(dialect).raw("SELECT ");
        for (String c : SYSTEM_COLUMNS) {
            sql.col(ALIAS, c).raw(" AS ").id(c).raw(", ");
        }
        for (FieldDefinition f : def.fields()) {
            if (!f.isVirtual()) {
                sql.col(ALIAS, f.name()).raw(" AS ").id(f.name()).raw(", ");
            }
        }
        computed.apply(def).forEach((name, value) -> sql.raw("(").fragment(value).raw(") AS ").id(name).raw(", "));
        return sql.col("a", "name").raw(" AS ").id("account_name").raw(" FROM ").id(def.tableName()).raw(" " + ALIAS)
                .raw(" LEFT JOIN ").id("accounts").raw(" a ON ").col("a", "id").raw(" = ").col(ALIAS, "account_id");
    }

    /** JSON columns on PostgreSQL are JSONB: the text is cast (encrypted ones hold ciphertext as TEXT). */
    private void bind(Sql sql, CollectionDefinition def, String column, Object value) {
        boolean jsonb = dialect == Dialect.POSTGRESQL && value != null
                && def.field(column).map(f -> f.type() == FieldType.JSON && !f.encrypted()).orElse(false);
        if (jsonb) {
            sql.raw("CAST(").value(value).raw(" AS JSONB)");
        } else {
            sql.value(value);
        }
    }

    /** Keys without regard to case (drivers differ in label case); PGobject and other driver types as text. */
    private static Map<String, Object> normalize(Map<String, Object> row) {
        Map<String, Object> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.forEach((k, v) -> out.put(k, v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : v.toString()));
        return out;
    }

    /** @return the stored row as the API's record object (system fields first, schema order) */
    public static Map<String, Object> toJson(CollectionDefinition def, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        out.put("account_id", row.get("account_id"));
        out.put("account_name", row.get("account_name"));
        out.put("created_at", RecordValues.json(FieldType.DATETIME, row.get("created_at")));
        out.put("created_by", row.get("created_by"));
        out.put("updated_at", RecordValues.json(FieldType.DATETIME, row.get("updated_at")));
        out.put("updated_by", row.get("updated_by"));
        for (FieldDefinition f : def.fields()) {
            if (f.encrypted()) {
                // never the ciphertext nor the plaintext: responses, hooks, listeners and audit see the mask
                out.put(f.name(), row.get(f.name()) == null ? null : FieldCipher.MASK);
            } else if (!f.isVirtual()) {
                out.put(f.name(), RecordValues.json(f.type(), row.get(f.name())));
            } else if (row.containsKey(f.name())) {
                out.put(f.name(), Computed.json(f, row.get(f.name())));
            }
        }
        return out;
    }
}
