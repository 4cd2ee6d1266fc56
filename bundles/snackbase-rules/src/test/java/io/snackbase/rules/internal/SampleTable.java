package io.snackbase.rules.internal;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** A typed table of ~30 rows (with NULLs) on a real database, and the same rows as maps for the evaluator. */
final class SampleTable implements AutoCloseable {

    static final String TABLE = "rules_eq";
    private static final String[] COLUMNS = {"id", "title", "price", "qty", "is_active", "published", "due", "meta",
        "author", "contact", "public", "owner", "account_id", "created_at", "updated_at", "created_by", "updated_by"};
    private static final String[] TITLES = {"Apple", "apple pie", "Banana", "a_c", "abc", "100% juice", "back\\slash",
        "bang!", "", "Zebra", "zeta", "Ärger", "mixed_Case", "x"};

    final ModuleStorage storage;
    final DatabaseKind kind;
    final List<Map<String, Object>> rows = new ArrayList<>();

    SampleTable(DatabaseKind kind) throws Exception {
        this.kind = kind;
        this.storage = ModuleStorage.open(kind, "io.snackbase.rules.test", "/none", List.of(), List.of(TABLE));
        try (Connection c = storage.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute(ddl());
        }
        Random random = new Random(42);
        for (int i = 0; i < 30; i++) {
            rows.add(row(i, random));
        }
        insert();
    }

    private String ddl() {
        String[] types = switch (kind) {
            // As the records tables (snackbase-records TableDdl): dates VARCHAR(10), date-times BIGINT µs.
            case SQLITE -> new String[] {"TEXT PRIMARY KEY", "TEXT", "REAL", "INTEGER", "BOOLEAN", "VARCHAR(10)", "BIGINT", "TEXT",
                "TEXT", "TEXT", "BOOLEAN", "TEXT", "TEXT", "BIGINT", "BIGINT", "TEXT", "TEXT"};
            case POSTGRESQL -> new String[] {"VARCHAR(36) PRIMARY KEY", "TEXT", "DOUBLE PRECISION", "INTEGER", "BOOLEAN",
                "VARCHAR(10)", "BIGINT", "JSONB", "VARCHAR(36)", "VARCHAR(255)", "BOOLEAN", "TEXT", "VARCHAR(36)",
                "BIGINT", "BIGINT", "TEXT", "TEXT"};
            case MYSQL -> new String[] {"VARCHAR(36) PRIMARY KEY", "TEXT", "DOUBLE", "INTEGER", "BOOLEAN", "VARCHAR(10)",
                "BIGINT", "JSON", "VARCHAR(36)", "VARCHAR(255)", "BOOLEAN", "TEXT", "VARCHAR(36)", "BIGINT",
                "BIGINT", "TEXT", "TEXT"};
        };
        StringBuilder sql = new StringBuilder("CREATE TABLE " + TABLE + " (");
        for (int i = 0; i < COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(Dialects.quote(kind, COLUMNS[i])).append(' ').append(types[i]);
        }
        // Case-sensitive, code-point comparisons as on SQLite (the records tables need the same collation).
        return sql.append(kind == DatabaseKind.MYSQL ? ") CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : ")").toString();
    }

    private static Map<String, Object> row(int i, Random random) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", String.format("r%02d", i));
        row.put("title", i % 9 == 8 ? null : TITLES[random.nextInt(TITLES.length)]);
        row.put("price", i % 7 == 6 ? null : (random.nextInt(41) - 10) / 2.0);
        row.put("qty", i % 8 == 7 ? null : (long) (random.nextInt(21) - 5));
        row.put("is_active", i % 6 == 5 ? null : random.nextBoolean());
        row.put("published", i % 5 == 4 ? null : LocalDate.of(2024, 1 + random.nextInt(3), 1 + random.nextInt(28)));
        LocalDateTime due = LocalDateTime.of(2024, 1, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60))
                .plusNanos(i % 2 == 0 ? 0 : 123_456_000L);
        // The evaluator sees date-times as the store reads them (epoch µs) and as the API writes them (ISO text).
        row.put("due", i % 10 == 9 ? null : i % 3 == 0 ? (Object) due : (Object) Temporals.micros(due.toInstant(ZoneOffset.UTC)));
        row.put("meta", i % 3 == 0 ? null : "{\"n\": " + i + "}");
        row.put("author", i % 4 == 0 ? null : "a" + random.nextInt(3));
        row.put("contact", i % 4 == 1 ? null : "user" + i + "@example.com");
        row.put("public", i % 11 == 10 ? null : random.nextBoolean());
        row.put("owner", i % 3 == 1 ? "u-alice" : i % 3 == 2 ? null : "u-bob");
        row.put("account_id", i % 2 == 0 ? "acc-1" : "acc-2");
        row.put("created_at", Temporals.micros(LocalDateTime.of(2024, 3, 1, 0, 0).plusHours(i * 7L).toInstant(ZoneOffset.UTC)));
        row.put("updated_at", LocalDateTime.of(2024, 4, 1, 0, 0).plusMinutes(i * 13L).toInstant(ZoneOffset.UTC) + "");
        row.put("created_by", i % 2 == 0 ? "u-alice" : "u-bob");
        row.put("updated_by", "u-alice");
        return row;
    }

    private void insert() throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE + " VALUES (");
        for (int i = 0; i < COLUMNS.length; i++) {
            boolean json = COLUMNS[i].equals("meta") && kind == DatabaseKind.POSTGRESQL;
            sql.append(i == 0 ? "" : ", ").append(json ? "CAST(? AS JSONB)" : "?");
        }
        try (Connection c = storage.database().dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(sql.append(')').toString())) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < COLUMNS.length; i++) {
                    insert.setObject(i + 1, stored(row.get(COLUMNS[i])));
                }
                insert.executeUpdate();
            }
        }
    }

    /** How the records bundle is expected to store a value: as the compiler binds one. */
    private Object stored(Object value) {
        if (value instanceof Boolean b) {
            return Dialects.bool(kind, b);
        }
        if (value instanceof LocalDate d) {
            return Dialects.date(kind, d);
        }
        if (value instanceof LocalDateTime t) {
            return Dialects.dateTime(kind, t.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof String s && s.endsWith("Z")) {
            return Dialects.dateTime(kind, java.time.Instant.parse(s));
        }
        return value;
    }

    /** @return the ids of the rows matching the WHERE fragment */
    Set<String> select(String where, List<Object> params) throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Connection c = storage.database().dataSource().getConnection();
                PreparedStatement query = c.prepareStatement("SELECT " + Dialects.quote(kind, "id") + " FROM " + TABLE + " WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                query.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** @return the rows as maps keyed in schema order, for messages */
    static Map<String, Object> ordered(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            out.put(column, row.get(column));
        }
        return out;
    }

    @Override
    public void close() {
        storage.close();
    }
}
