package io.snackbase.automation.internal;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.automation.internal.rest.HooksResource;
import io.snackbase.automation.internal.store.HookMapper;
import io.snackbase.records.internal.RecordOperationsImpl;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.core.Dialect;
import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.records.internal.store.RecordMapper;
import io.snackbase.rules.internal.RuleEngineImpl;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Hooks end to end in one JVM on a real database: the auth, records and automation schemas, the
 * record path with this bundle's write listener, the real rule engine, fake jobs with the outbox's
 * commit semantics, and an action executor of test actions (add built-ins with {@link #action}).
 */
final class AutomationFixture implements AutoCloseable {

    static final ModuleStorage.Module AUTH = new ModuleStorage.Module("io.snackbase.auth", "/db/auth",
            List.of("V1__accounts_users.sql", "V2__tokens.sql", "V3__api_key_scopes.sql", "V3__api_key_scopes.mysql.sql"), List.of("login_throttle", "invitations", "email_tokens",
                    "api_keys", "revoked_tokens", "refresh_tokens", "group_members", "user_groups", "users", "roles", "accounts"));
    static final ModuleStorage.Module RECORDS = new ModuleStorage.Module("io.snackbase.records", "/db/records",
            List.of("V1__collections.sql"), List.of("collection_rules", "collections"));
    static final ModuleStorage.Module AUTOMATION = new ModuleStorage.Module("io.snackbase.automation", "/db/automation",
            List.of("V1__api_hooks.sql"), List.of("api_hook_executions", "api_hooks"));

    final ModuleStorage storage;
    final DatabaseKind kind;
    final FakeJobs jobs;
    final TestActions actions = new TestActions();
    final AutomationServices services;
    final HooksResource resource;
    final RecordsServices.Wiring records;
    final RecordOperationsImpl recordOperations;
    final HookWriteListener listener;
    final HookJobHandler handler;
    /** Runs after the listener inside each write's transaction; a test may make it throw to roll the write back. */
    volatile Consumer<RecordWrite> afterListener = w -> {};

    AutomationFixture(DatabaseKind kind, int maxHooks) throws Exception {
        this.kind = kind;
        storage = ModuleStorage.open(kind, List.of(AUTH, RECORDS, AUTOMATION), "col_");
        jobs = new FakeJobs(storage.transactions());
        RuleEngineImpl rules = new RuleEngineImpl();
        services = AutomationServices.wire(storage.mappers().mapper(HookMapper.class), storage.transactions(), rules, actions,
                jobs, jobs, Clock.systemUTC(), maxHooks);
        resource = new HooksResource(services.hooks);
        listener = new HookWriteListener(services.enqueuer);
        handler = new HookJobHandler(services.mapper, services.runner, services.schedules);
        records = new RecordsServices.Wiring(new CollectionStore(storage.mappers(), storage.transactions(), Dialect.of(kind),
                Clock.systemUTC()), () -> null, storage.mappers().mapper(RecordMapper.class), rules, () -> null);
        records.records.writeListeners(write -> {
            listener.recordWritten(write);
            afterListener.accept(write);
        });
        recordOperations = new RecordOperationsImpl(records.records);
    }

    static AutomationFixture open(DatabaseKind kind) throws Exception {
        return new AutomationFixture(kind, 50);
    }

    /** Registers an action type under an id. */
    void action(String id, io.snackbase.api.actions.ActionType type) {
        actions.types.put(id, type);
    }

    /** Inserts an account by JDBC and returns its id. */
    String account(String slug) throws Exception {
        String id = UUID.randomUUID().toString();
        update("INSERT INTO accounts (id, account_code, slug, name, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)",
                id, slug.substring(0, 2).toUpperCase() + String.format("%04d", Math.abs(slug.hashCode()) % 10000), slug, slug);
        return id;
    }

    /** Creates a collection anyone of an account may write, with text fields. */
    void collection(String name, String... fields) {
        collectionWithCreateRule(name, "", fields);
    }

    /** Creates a collection anyone may list, view, update and delete in, with the given create rule. */
    void collectionWithCreateRule(String name, String createRule, String... fields) {
        List<Map<String, Object>> defs = new ArrayList<>();
        for (String f : fields) {
            defs.add(Map.of("name", f, "type", "text"));
        }
        Map<String, Object> body = new HashMap<>(Map.of("list_rule", "", "view_rule", "", "create_rule", createRule, "update_rule", "",
                "delete_rule", ""));
        RequestContext root = RequestAuthentication.authenticated(new Principal("root-id", "root@example.com",
                Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt"), "req", null, null).requireSuperadmin();
        records.collections.create(name, defs, body, root);
    }

    /** @return a user of an account */
    static RequestContext user(String accountId, String userId) {
        return new RequestContext(new Principal(userId, userId + "@example.com", accountId, "user", "jwt"), accountId, "req", null, null);
    }

    /** @return a request as the REST filter leaves it for that user */
    static ContainerRequestContext request(RequestContext user) {
        RequestAuthentication auth = RequestAuthentication.authenticated(user.principal(), "req", null, null);
        return proxy(auth);
    }

    /** @return a request without credentials */
    static ContainerRequestContext anonymous() {
        return proxy(RequestAuthentication.anonymous("acc", null, "req", null, null));
    }

    private static ContainerRequestContext proxy(RequestAuthentication auth) {
        return (ContainerRequestContext) Proxy.newProxyInstance(AutomationFixture.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
                });
    }

    /** Runs the pending jobs as a worker would. */
    int drain() throws Exception {
        return jobs.drain(handler, 100);
    }

    int update(String sql, Object... params) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    long count(String sql, Object... params) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        storage.close();
    }
}
