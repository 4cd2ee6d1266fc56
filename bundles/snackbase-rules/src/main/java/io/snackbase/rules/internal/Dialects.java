package io.snackbase.rules.internal;

import io.snackbase.api.storage.DatabaseKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The few places where the three databases differ: identifier quotes, booleans, dates, real division. */
final class Dialects {

    private Dialects() {}

    /** @param name an identifier already checked against {@code [A-Za-z_][A-Za-z0-9_]*} */
    static String quote(DatabaseKind dialect, String name) {
        return dialect == DatabaseKind.MYSQL ? "`" + name + "`" : "\"" + name + "\"";
    }

    /** SQLite and MySQL keep booleans as 0/1 integers; PostgreSQL has a real boolean. */
    static Object bool(DatabaseKind dialect, boolean value) {
        return dialect == DatabaseKind.POSTGRESQL ? (Object) value : (Object) (value ? 1 : 0);
    }

    static Object date(DatabaseKind dialect, LocalDate date) {
        return dialect == DatabaseKind.SQLITE ? date.toString() : date;
    }

    static Object dateTime(DatabaseKind dialect, Instant instant) {
        return switch (dialect) {
            case SQLITE -> Temporals.sqliteText(instant);
            case POSTGRESQL -> instant.atOffset(ZoneOffset.UTC);
            case MYSQL -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        };
    }

    /** Division is always real (MySQL would give DECIMAL(…,4), the others integer division). */
    static String realCast(DatabaseKind dialect, String sql) {
        return switch (dialect) {
            case SQLITE -> "CAST(" + sql + " AS REAL)";
            case POSTGRESQL -> "CAST(" + sql + " AS DOUBLE PRECISION)";
            case MYSQL -> "CAST(" + sql + " AS DOUBLE)";
        };
    }
}
