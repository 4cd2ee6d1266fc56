package io.snackbase.records.internal.records;

import io.snackbase.api.rules.SqlFragment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of a listing and its keyset condition, shared by offset and cursor paging so that both
 * give the same sequence. Every sort term puts NULLs lowest (first ascending, last descending: a
 * {@code CASE WHEN x IS NULL} flag before the value, the same on the three databases); {@code id}
 * breaks ties, in the direction of the first term. A term is a column or a computed field's SQL.
 */
final class Ordering {

    /** The system columns, declared NOT NULL by the table DDL: they need no NULL flag. */
    private static final Set<String> NEVER_NULL = Set.of("id", "account_id", "created_at", "updated_at", "created_by", "updated_by");

    private final List<RecordStore.Order> sort;
    private final Map<String, SqlFragment> computed;

    /**
     * @param sort the terms, at least one
     * @param computed the collection's computed fields' SQL, by name
     */
    Ordering(List<RecordStore.Order> sort, Map<String, SqlFragment> computed) {
        this.sort = sort;
        this.computed = computed;
    }

    private void value(Sql sql, String column) {
        SqlFragment fragment = computed.get(column);
        if (fragment != null) {
            sql.raw("(").fragment(fragment).raw(")");
        } else {
            sql.col(RecordStore.ALIAS, column);
        }
    }

    /**
     * Appends the ORDER BY terms (without the keyword).
     *
     * @param reverse every direction inverted (a backward keyset read)
     */
    void orderBy(Sql sql, boolean reverse) {
        for (RecordStore.Order o : sort) {
            String dir = o.descending() != reverse ? " DESC" : " ASC";
            // the NULL flag only where NULLs can occur: without it the (account_id, created_at, id)
            // index gives the order and a page stops after LIMIT rows instead of sorting every match
            if (!NEVER_NULL.contains(o.column())) {
                sql.raw("CASE WHEN ");
                value(sql, o.column());
                sql.raw(" IS NULL THEN 0 ELSE 1 END").raw(dir).raw(", ");
            }
            value(sql, o.column());
            sql.raw(dir).raw(", ");
        }
        sql.col(RecordStore.ALIAS, "id").raw(sort.get(0).descending() != reverse ? " DESC" : " ASC");
    }

    /**
     * Appends the condition "strictly after the key in the order" ({@code reverse}: strictly
     * before): for terms t1..tn and id, {@code t1 > v1 OR (t1 = v1 AND t2 > v2) OR ... OR (all
     * equal AND id > i)}, where "greater" follows each term's own direction and NULL is the lowest
     * value (nothing is below NULL; everything not NULL is above it).
     */
    void after(Sql sql, Cursors.Key key, boolean reverse) {
        sql.raw("(");
        for (int i = 0; i <= sort.size(); i++) {
            sql.raw(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                equal(sql, sort.get(j).column(), key.values().get(j));
                sql.raw(" AND ");
            }
            if (i < sort.size()) {
                RecordStore.Order o = sort.get(i);
                beyond(sql, o.column(), key.values().get(i), o.descending() == reverse);
            } else {
                boolean greater = sort.get(0).descending() == reverse;
                sql.col(RecordStore.ALIAS, "id").raw(greater ? " > " : " < ").value(key.id());
            }
            sql.raw(")");
        }
        sql.raw(")");
    }

    private void equal(Sql sql, String column, Object v) {
        value(sql, column);
        if (v == null) {
            sql.raw(" IS NULL");
        } else {
            sql.raw(" = ").value(v);
        }
    }

    private void beyond(Sql sql, String column, Object v, boolean greater) {
        if (v == null) {
            if (greater) {
                value(sql, column);
                sql.raw(" IS NOT NULL");
            } else {
                sql.raw("1 = 0");
            }
            return;
        }
        if (greater || NEVER_NULL.contains(column)) {
            value(sql, column);
            sql.raw(greater ? " > " : " < ").value(v);
        } else {
            sql.raw("(");
            value(sql, column);
            sql.raw(" < ").value(v).raw(" OR ");
            value(sql, column);
            sql.raw(" IS NULL)");
        }
    }
}
