package io.snackbase.records.internal.core;

import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The DDL of collection tables, one statement per string, for one dialect. Every identifier comes
 * from a validated name (or from {@link Names}) and is quoted; no value is ever part of DDL.
 *
 * <p>System columns: {@code id VARCHAR(36)} primary key, {@code account_id VARCHAR(36) NOT NULL}
 * referencing {@code accounts(id) ON DELETE CASCADE}, {@code created_at} and {@code updated_at}
 * as {@code BIGINT NOT NULL} epoch microseconds, {@code created_by} and {@code updated_by}
 * {@code VARCHAR(36) NOT NULL} (a user id or {@code anonymous}). User columns are nullable:
 * {@code required} is enforced by the record validator, so that it can be switched on and off by
 * a schema update (SQLite cannot change a column's nullability without rebuilding the table).
 */
public final class TableDdl {

    private final Dialect dialect;

    public TableDdl(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * @param table the table name
     * @param fields the validated fields
     * @param tableOf the table of a reference's target collection name
     * @return CREATE TABLE and then its indexes
     */
    public List<String> create(String table, List<FieldDefinition> fields, Function<String, String> tableOf) {
        List<String> columns = new ArrayList<>();
        columns.add(q("id") + " VARCHAR(36) NOT NULL PRIMARY KEY");
        columns.add(q("account_id") + " VARCHAR(36) NOT NULL");
        columns.add(q("created_at") + " BIGINT NOT NULL");
        columns.add(q("updated_at") + " BIGINT NOT NULL");
        columns.add(q("created_by") + " VARCHAR(36) NOT NULL");
        columns.add(q("updated_by") + " VARCHAR(36) NOT NULL");
        List<String> constraints = new ArrayList<>();
        constraints.add("CONSTRAINT " + q(Names.accountForeignKey(table)) + " FOREIGN KEY (" + q("account_id") + ") REFERENCES "
                + q("accounts") + " (" + q("id") + ") ON DELETE CASCADE");
        for (FieldDefinition f : fields) {
            if (f.isVirtual()) {
                continue;
            }
            columns.add(q(f.name()) + " " + dialect.columnType(f.encrypted() ? FieldType.TEXT : f.type()));
            if (f.type() == FieldType.REFERENCE) {
                constraints.add(foreignKey(table, f, tableOf.apply(f.collection())));
            }
        }
        List<String> statements = new ArrayList<>();
        List<String> body = new ArrayList<>(columns);
        body.addAll(constraints);
        statements.add("CREATE TABLE " + q(table) + " (\n  " + String.join(",\n  ", body) + "\n)");
        statements.add("CREATE INDEX " + q(Names.createdIndex(table)) + " ON " + q(table) + " (" + q("account_id") + ", "
                + q("created_at") + ", " + q("id") + ")");
        for (FieldDefinition f : fields) {
            statements.addAll(indexes(table, f));
        }
        return statements;
    }

    /**
     * @return ALTER TABLE adding a new field's nullable column, with its foreign key for a
     *     reference (its indexes come from {@link #indexes}); null for a computed field
     */
    public String addColumn(String table, FieldDefinition f, String targetTable) {
        if (f.isVirtual()) {
            return null;
        }
        String column = q(f.name()) + " " + dialect.columnType(f.encrypted() ? FieldType.TEXT : f.type());
        if (f.type() != FieldType.REFERENCE) {
            return "ALTER TABLE " + q(table) + " ADD COLUMN " + column;
        }
        if (dialect == Dialect.SQLITE) {
            // SQLite adds constraints only inline, and names them only in CREATE TABLE
            return "ALTER TABLE " + q(table) + " ADD COLUMN " + column + " REFERENCES " + q(targetTable) + " (" + q("id")
                    + ") ON DELETE " + Dialect.onDelete(f.onDelete());
        }
        return "ALTER TABLE " + q(table) + " ADD COLUMN " + column + ", ADD " + foreignKey(table, f, targetTable);
    }

    /** @return the statements that undo {@link #addColumn} once the field's indexes are gone (foreign key, column) */
    public List<String> dropColumn(String table, FieldDefinition f) {
        if (f.isVirtual()) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        if (f.type() == FieldType.REFERENCE && dialect == Dialect.MYSQL) {
            statements.add("ALTER TABLE " + q(table) + " DROP FOREIGN KEY " + q(Names.foreignKey(table, f.name())));
        }
        statements.add("ALTER TABLE " + q(table) + " DROP COLUMN " + q(f.name()));
        return statements;
    }

    /** @return CREATE INDEX on (account_id, column) of a reference column */
    public String createReferenceIndex(String table, FieldDefinition f) {
        return "CREATE INDEX " + q(Names.referenceIndex(table, f.name())) + " ON " + q(table) + " (" + q("account_id")
                + ", " + q(f.name()) + ")";
    }

    /** @return DROP INDEX of a reference column's index */
    public String dropReferenceIndex(String table, FieldDefinition f) {
        return dropIndex(table, Names.referenceIndex(table, f.name()));
    }

    /** @return CREATE UNIQUE INDEX on (account_id, column): a value is unique within one account */
    public String createUnique(String table, FieldDefinition f) {
        return "CREATE UNIQUE INDEX " + q(Names.uniqueIndex(table, f.name())) + " ON " + q(table) + " (" + q("account_id") + ", "
                + q(f.name()) + ")";
    }

    /** @return DROP INDEX of the unique index of a field */
    public String dropUnique(String table, FieldDefinition f) {
        return dropIndex(table, Names.uniqueIndex(table, f.name()));
    }

    /** @return DROP TABLE */
    public String dropTable(String table) {
        return "DROP TABLE " + q(table);
    }

    /** @return the indexes of a field: (account_id, column) of a reference, the unique (account_id, column) */
    public List<String> indexes(String table, FieldDefinition f) {
        List<String> statements = new ArrayList<>();
        if (f.type() == FieldType.REFERENCE) {
            statements.add(createReferenceIndex(table, f));
        }
        if (f.unique() && !f.isVirtual()) {
            statements.add(createUnique(table, f));
        }
        return statements;
    }

    private String foreignKey(String table, FieldDefinition f, String targetTable) {
        return "CONSTRAINT " + q(Names.foreignKey(table, f.name())) + " FOREIGN KEY (" + q(f.name()) + ") REFERENCES " + q(targetTable)
                + " (" + q("id") + ") ON DELETE " + Dialect.onDelete(f.onDelete());
    }

    private String dropIndex(String table, String index) {
        return dialect == Dialect.MYSQL ? "DROP INDEX " + q(index) + " ON " + q(table) : "DROP INDEX " + q(index);
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }
}
