package io.snackbase.records.internal.core;

import io.snackbase.api.collections.FieldType;
import io.snackbase.api.storage.DatabaseKind;

/**
 * What differs between the three databases in a collection table's DDL: identifier quoting and
 * column types. Identifiers reaching it were validated against {@code ^[a-zA-Z][a-zA-Z0-9_]*$}; the
 * quoting is a second line of defence and makes SQL keywords ({@code order}, {@code select}) usable
 * as field names.
 */
public enum Dialect {
    SQLITE, POSTGRESQL, MYSQL;

    // compiled once: quote() runs for every identifier of every statement
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** @return the dialect of a database */
    public static Dialect of(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
        };
    }

    /**
     * @param identifier a validated name
     * @return it quoted
     * @throws IllegalArgumentException for anything but letters, digits and underscores
     */
    public String quote(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a safe identifier: " + identifier);
        }
        return this == MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /** @return the column type of a user field; null for computed fields, which have no column */
    public String columnType(FieldType type) {
        return switch (type) {
            case TEXT, FILE -> this == MYSQL ? "LONGTEXT" : "TEXT";
            case NUMBER -> this == SQLITE ? "REAL" : this == POSTGRESQL ? "DOUBLE PRECISION" : "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            // Epoch microseconds, like the system times: one representation that compares and sorts
            // identically on every database and round-trips the API's microsecond ISO text.
            case DATETIME -> "BIGINT";
            // ISO text sorts as dates do and escapes every driver's time-zone conversion of DATE.
            case DATE -> "VARCHAR(10)";
            case EMAIL -> "VARCHAR(255)";
            case URL -> "VARCHAR(500)";
            case JSON -> this == POSTGRESQL ? "JSONB" : this == MYSQL ? "LONGTEXT" : "TEXT";
            case REFERENCE -> "VARCHAR(36)";
            case COMPUTED -> null;
        };
    }

    /** @return the SQL of an ON DELETE action */
    public static String onDelete(io.snackbase.api.collections.ReferenceAction action) {
        return switch (action) {
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
            case RESTRICT -> "RESTRICT";
        };
    }

    /** @return true when DDL statements commit the open transaction (MySQL/MariaDB) */
    public boolean ddlAutoCommits() {
        return this == MYSQL;
    }
}
