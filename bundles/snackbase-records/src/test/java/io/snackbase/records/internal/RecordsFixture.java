package io.snackbase.records.internal;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.core.Dialect;
import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The collection services on a real database (SQLite file, or the shared PostgreSQL/MariaDB test
 * servers) with the auth schema for {@code accounts}, plus JDBC helpers to look at and write the
 * physical tables directly.
 */
public final class RecordsFixture implements AutoCloseable {

    public static final List<String> AUTH_TABLES = List.of("login_throttle", "invitations", "email_tokens", "api_keys",
            "revoked_tokens", "refresh_tokens", "group_members", "user_groups", "users", "roles", "accounts");
    public static final ModuleStorage.Module AUTH = new ModuleStorage.Module("io.snackbase.auth", "/db/auth",
            List.of("V1__accounts_users.sql", "V2__tokens.sql", "V3__api_key_scopes.sql", "V3__api_key_scopes.mysql.sql"), AUTH_TABLES);
    public static final ModuleStorage.Module RECORDS = new ModuleStorage.Module("io.snackbase.records", "/db/records",
            List.of("V1__collections.sql"), List.of("collection_rules", "collections"));

    public final ModuleStorage storage;
    public final DatabaseKind kind;
    public volatile HookDispatcher hooks;
    public static final ModuleStorage.Module AUDIT = new ModuleStorage.Module("io.snackbase.audit", "/db/audit",
            List.of("V1__audit_log.sqlite.sql", "V1__audit_log.postgresql.sql", "V1__audit_log.mysql.sql",
                    "V2__audit_pending.sqlite.sql", "V2__audit_pending.postgresql.sql", "V2__audit_pending.mysql.sql"),
            List.of("audit_pending", "audit_log", "audit_chain_head"));

    public final RecordsServices.Wiring w;
    /** The audit service records use; null to run without one. */
    public volatile io.snackbase.api.audit.AuditService audit;

    private RecordsFixture(DatabaseKind kind, java.util.function.BiFunction<CollectionStore, ModuleStorage, CollectionStore> store) throws Exception {
        this(kind, store, 0);
    }

    private RecordsFixture(DatabaseKind kind, java.util.function.BiFunction<CollectionStore, ModuleStorage, CollectionStore> store,
            long countCacheMs) throws Exception {
        this.kind = kind;
        storage = ModuleStorage.open(kind, List.of(AUTH, RECORDS, AUDIT), "col_");
        w = new RecordsServices.Wiring(store.apply(new CollectionStore(storage.mappers(), storage.transactions(), Dialect.of(kind),
                Clock.systemUTC()), storage), () -> hooks, storage.mappers().mapper(io.snackbase.records.internal.store.RecordMapper.class),
                new io.snackbase.rules.internal.RuleEngineImpl(), () -> audit, countCacheMs);
        audit = new io.snackbase.audit.internal.AuditServiceImpl(storage.mappers().mapper(io.snackbase.audit.internal.store.AuditMapper.class),
                storage.transactions(), io.snackbase.audit.internal.AuditSettings.defaults(), Clock.systemUTC());
    }

    public static RecordsFixture open(DatabaseKind kind) throws Exception {
        return new RecordsFixture(kind, (s, st) -> s);
    }

    /** @return the fixture with list totals reused for that long (the component's default is 1 s; other tests count every time) */
    public static RecordsFixture withCountCache(DatabaseKind kind, long countCacheMs) throws Exception {
        return new RecordsFixture(kind, (s, st) -> s, countCacheMs);
    }

    /** @return the fixture with a store changed by the test (e.g. a failing mapper put in the way) */
    public static RecordsFixture open(DatabaseKind kind, java.util.function.BiFunction<CollectionStore, ModuleStorage, CollectionStore> store) throws Exception {
        return new RecordsFixture(kind, store);
    }

    public static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    /** @return the context of a superadmin */
    public static RequestContext root() {
        return RequestAuthentication.authenticated(new Principal("root-id", "root@example.com", Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt"),
                "req", "127.0.0.1", "junit").requireSuperadmin();
    }

    /** @return a request of a superadmin, a tenant admin, or an anonymous caller, as the REST filter leaves it */
    public static ContainerRequestContext request(String who) {
        RequestAuthentication auth = switch (who) {
            case "superadmin" -> RequestAuthentication.authenticated(
                    new Principal("root-id", "root@example.com", Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt"), "req", "127.0.0.1", "junit");
            case "tenant-admin" -> RequestAuthentication.authenticated(
                    new Principal("u1", "admin@acme.test", UUID.randomUUID().toString(), "admin", "jwt"), "req", "127.0.0.1", "junit");
            default -> RequestAuthentication.anonymous(null,
                    io.snackbase.api.errors.ApiException.badRequest("X-Account-ID header is required for unauthenticated requests"),
                    "req", "127.0.0.1", "junit");
        };
        return (ContainerRequestContext) Proxy.newProxyInstance(RecordsFixture.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
                });
    }

    /** @return a field definition object as a client sends it */
    public static Map<String, Object> field(String name, String type, Object... props) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        for (int i = 0; i < props.length; i += 2) {
            m.put((String) props[i], props[i + 1]);
        }
        return m;
    }

    /** Inserts an account by JDBC and returns its id. */
    public String account(String slug) throws Exception {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO accounts (id, account_code, slug, name, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)",
                id, slug.substring(0, 2).toUpperCase() + String.format("%04d", Math.abs(slug.hashCode()) % 10000), slug, slug);
        return id;
    }

    /** Inserts a record row with its system columns and the given user columns; returns its id. */
    public String insert(String table, String accountId, Map<String, Object> values) throws Exception {
        String id = UUID.randomUUID().toString();
        List<String> columns = new ArrayList<>(List.of("id", "account_id", "created_at", "updated_at", "created_by", "updated_by"));
        List<Object> params = new ArrayList<>(List.of(id, accountId, 1L, 1L, "u", "u"));
        values.forEach((k, v) -> {
            columns.add(k);
            params.add(v);
        });
        Dialect d = Dialect.of(kind);
        String sql = "INSERT INTO " + d.quote(table) + " (" + String.join(", ", columns.stream().map(d::quote).toList()) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        update(sql, params.toArray());
        return id;
    }

    /** Runs a statement with parameters in its own connection. */
    public int update(String sql, Object... params) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * @return the first column of every row of a query; a query of {@code audit_log} first seals the
     *     pending entries, as the audit routes do (entries get their place in the chain after commit)
     */
    public List<Object> column(String sql, Object... params) throws Exception {
        if (sql.contains("audit_log") && audit instanceof io.snackbase.audit.internal.AuditServiceImpl service) {
            service.sealPending();
        }
        try (Connection c = storage.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        }
    }

    /** @return the column names of a table (lower-cased), empty when there is no such table */
    public List<String> columns(String table) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection()) {
            List<String> names = new ArrayList<>();
            String schema = kind == DatabaseKind.POSTGRESQL ? c.getSchema() : null;
            String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
            try (ResultSet rs = c.getMetaData().getColumns(catalog, schema, table, null)) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            return names;
        }
    }

    /** @return whether a column is declared NOT NULL */
    public boolean notNull(String table, String column) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection()) {
            String schema = kind == DatabaseKind.POSTGRESQL ? c.getSchema() : null;
            String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
            try (ResultSet rs = c.getMetaData().getColumns(catalog, schema, table, null)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return rs.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNoNulls;
                    }
                }
            }
            throw new AssertionError("No column " + column + " in " + table);
        }
    }

    /** @return the index names of a table (lower-cased) */
    public List<String> indexes(String table) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection()) {
            String schema = kind == DatabaseKind.POSTGRESQL ? c.getSchema() : null;
            String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo(catalog, schema, table, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null && !names.contains(rs.getString("INDEX_NAME").toLowerCase())) {
                        names.add(rs.getString("INDEX_NAME").toLowerCase());
                    }
                }
            }
            return names;
        }
    }

    /** @return true when the statement fails */
    public boolean fails(String sql, Object... params) {
        try {
            update(sql, params);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Override
    public void close() {
        if (audit instanceof io.snackbase.audit.internal.AuditServiceImpl service) {
            service.stop();
        }
        storage.close();
    }

}
