package io.snackbase.rules.internal;

import io.snackbase.api.storage.DatabaseKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The few places where the three databases differ: identifier quotes, booleans, real division; and how
 * the records tables store dates (ISO text) and date-times (epoch microseconds), the same everywhere.
 */
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

    /** The records tables keep {@code date} fields as VARCHAR(10) ISO text on every database. */
    static Object date(DatabaseKind dialect, LocalDate date) {
        return date.toString();
    }

    /**
     * The records tables keep {@code created_at}, {@code updated_at} and {@code datetime} fields as
     * BIGINT epoch microseconds on every database (snackbase-records README), so a date-time value
     * binds as a {@link Long}.
     */
    static Object dateTime(DatabaseKind dialect, Instant instant) {
        return Temporals.micros(instant);
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
