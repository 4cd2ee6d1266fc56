package io.snackbase.audit.internal;

import io.snackbase.api.audit.AuditEntry;
import io.snackbase.api.audit.AuditSink;
import io.snackbase.api.audit.RecordChange;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.store.AuditRow;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/**
 * The audit service on a real database (a fresh SQLite file, or the shared PostgreSQL/MariaDB test
 * servers), with a table {@code audit_test_rows} standing in for a collection, whose writes the
 * tests audit in the same transaction, as the records bundle will.
 */
public final class AuditFixture implements AutoCloseable {

    public static final String MODULE = "io.snackbase.audit";
    public static final String TABLE = "audit_test_rows";
    static final List<String> MIGRATIONS = List.of("V1__audit_log.sqlite.sql", "V1__audit_log.postgresql.sql",
            "V1__audit_log.mysql.sql", "V2__audit_pending.sqlite.sql", "V2__audit_pending.postgresql.sql",
            "V2__audit_pending.mysql.sql");
    static final List<String> TABLES = List.of(TABLE, "audit_pending", "audit_log", "audit_chain_head");
    public static final Principal ROOT = new Principal("11111111-1111-4111-8111-111111111111", "root@example.com",
            Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt");
    public static final Principal TENANT_ADMIN = new Principal("22222222-2222-4222-8222-222222222222", "admin@acme.io",
            "33333333-3333-4333-8333-333333333333", "admin", "jwt");
    public static final String ACCOUNT = "33333333-3333-4333-8333-333333333333";

    /** The stand-in collection's SQL. */
    public interface RowMapper {
        @Insert("INSERT INTO audit_test_rows (id, title, views) VALUES (#{id}, #{title}, #{views})")
        int insert(@Param("id") String id, @Param("title") String title, @Param("views") Integer views);

        @Update("UPDATE audit_test_rows SET title = #{title}, views = #{views} WHERE id = #{id}")
        int update(@Param("id") String id, @Param("title") String title, @Param("views") Integer views);

        @Delete("DELETE FROM audit_test_rows WHERE id = #{id}")
        int delete(@Param("id") String id);
    }

    /** A sink that keeps what it is given. */
    public static final class RecordingSink implements AuditSink {
        public final List<AuditEntry> received = new CopyOnWriteArrayList<>();

        @Override
        public void accept(List<AuditEntry> entries) {
            received.addAll(entries);
        }
    }

    public final DatabaseKind kind;
    public final ModuleStorage storage;
    public final AuditServiceImpl audit;
    public final RowMapper rows;

    private AuditFixture(DatabaseKind kind, AuditSettings settings) throws Exception {
        this.kind = kind;
        storage = ModuleStorage.open(kind, MODULE, "/db/audit", MIGRATIONS, TABLES);
        sql("CREATE TABLE " + TABLE + " (id VARCHAR(36) PRIMARY KEY, title VARCHAR(200), views INTEGER)");
        audit = new AuditServiceImpl(storage.mappers().mapper(io.snackbase.audit.internal.store.AuditMapper.class),
                storage.transactions(), settings, Clock.systemUTC());
        rows = storage.mappers().mapper(RowMapper.class);
    }

    public static AuditFixture open(DatabaseKind kind) throws Exception {
        return new AuditFixture(kind, AuditSettings.defaults());
    }

    public static AuditFixture open(DatabaseKind kind, AuditSettings settings) throws Exception {
        return new AuditFixture(kind, settings);
    }

    public static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    /** @return the context of a request by that principal */
    public static RequestContext as(Principal principal) {
        return new RequestContext(principal, principal.accountId(), "cid_0123456789ab", "10.0.0.1", "junit");
    }

    /** Inserts a row and audits it, in one transaction. */
    public void create(String id, String title, Integer views, Principal by) {
        storage.transactions().inTransaction(() -> {
            rows.insert(id, title, views);
            audit.recordChange(RecordChange.created(TABLE, id, ACCOUNT, row(id, title, views)), as(by));
            return null;
        });
    }

    /** Updates a row and audits it, in one transaction. */
    public void update(String id, String oldTitle, Integer oldViews, String title, Integer views, Principal by) {
        storage.transactions().inTransaction(() -> {
            rows.update(id, title, views);
            audit.recordChange(RecordChange.updated(TABLE, id, ACCOUNT, row(id, oldTitle, oldViews), row(id, title, views)), as(by));
            return null;
        });
    }

    static Map<String, Object> row(String id, String title, Integer views) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("views", views);
        return m;
    }

    /** @return every entry in id order, after sealing what is pending (as the read routes do) */
    public List<AuditRow> entries() {
        audit.sealPending();
        return audit.mapper.fromId(1, 1_000_000);
    }

    /** @return the entries sealed so far, in id order, without sealing */
    public List<AuditRow> sealedOnly() {
        return audit.mapper.fromId(1, 1_000_000);
    }

    /** @return how many writes wait in the outbox (one row each) */
    public long pendingCount() {
        return audit.mapper.pendingCount();
    }

    /** Runs SQL on a connection of its own (autocommit), outside the transaction manager. */
    public void sql(String statement) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Drops the immutability triggers, as someone with the database's owner rights could. */
    public void dropTriggers() throws Exception {
        String on = kind == DatabaseKind.POSTGRESQL ? " ON audit_log" : "";
        sql("DROP TRIGGER prevent_audit_log_update" + on);
        sql("DROP TRIGGER prevent_audit_log_delete" + on);
    }

    /** Waits up to 5 s for a condition (sinks deliver on their own threads). */
    public static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        audit.stop();
        storage.close();
    }
}
