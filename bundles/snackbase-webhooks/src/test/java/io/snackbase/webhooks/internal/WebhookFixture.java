package io.snackbase.webhooks.internal;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.outbound.support.HostResolver;
import io.snackbase.outbound.support.OutboundHttp;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.rules.internal.RuleEngineImpl;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import io.snackbase.webhooks.internal.delivery.DeliveryStore;
import io.snackbase.webhooks.internal.delivery.HttpWebhookTransport;
import io.snackbase.webhooks.internal.rest.WebhooksResource;
import io.snackbase.webhooks.internal.store.DeliveryMapper;
import io.snackbase.webhooks.internal.store.WebhookMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;

/**
 * The webhooks bundle on a real database (SQLite file, or the shared PostgreSQL/MariaDB test servers) with a
 * real loopback receiver, in development mode unless told otherwise. A table {@code wh_test_rows} stands in
 * for a collection: {@link #write} changes it and calls the outbox in the same transaction, as the records
 * bundle does.
 */
public final class WebhookFixture implements AutoCloseable {

    public static final String MODULE = "io.snackbase.webhooks";
    static final List<String> MIGRATIONS = List.of("V1__webhooks.sqlite.sql", "V1__webhooks.postgresql.sql",
            "V1__webhooks.mysql.sql");
    public static final String ACCOUNT_A = "aaaaaaaa-0000-4000-8000-000000000001";
    public static final String ACCOUNT_B = "bbbbbbbb-0000-4000-8000-000000000002";
    public static final Principal ALICE = new Principal("11111111-0000-4000-8000-000000000001", "alice@a.io", ACCOUNT_A,
            "user", "jwt");
    public static final Principal BOB = new Principal("22222222-0000-4000-8000-000000000002", "bob@b.io", ACCOUNT_B,
            "admin", "jwt");

    /** The stand-in collection's SQL. */
    public interface RowMapper {
        @Insert("INSERT INTO wh_test_rows (id, account_id, title, views) VALUES (#{id}, #{accountId}, #{title}, #{views})")
        int insert(@Param("id") String id, @Param("accountId") String accountId, @Param("title") String title,
                @Param("views") Integer views);

        @Delete("DELETE FROM wh_test_rows WHERE id = #{id}")
        int delete(@Param("id") String id);
    }

    public final DatabaseKind kind;
    public final ModuleStorage storage;
    public final DeliveryStore store;
    public final Receiver receiver;
    public final List<Map<String, Object>> failedEvents = new CopyOnWriteArrayList<>();
    private final List<WebhookEngine> engines = new ArrayList<>();
    private final List<OutboundHttp> clients = new ArrayList<>();
    public final RowMapper rows;
    public WebhookEngine engine;

    private WebhookFixture(DeliveryStore store, ModuleStorage storage, DatabaseKind kind) throws Exception {
        this.kind = kind;
        this.storage = storage;
        this.store = store;
        this.receiver = new Receiver();
        this.rows = storage == null ? null : storage.mappers().mapper(RowMapper.class);
    }

    /** @return the fixture with one started engine in development mode and a fast retry schedule */
    public static WebhookFixture open(DatabaseKind kind) throws Exception {
        return open(kind, fastSettings());
    }

    public static WebhookFixture open(DatabaseKind kind, WebhookSettings settings) throws Exception {
        WebhookFixture fixture = openStorage(kind);
        fixture.engine = fixture.newEngine(settings, new OutboundPolicy(true), HostResolver.SYSTEM);
        return fixture;
    }

    /** @return the fixture on a database, without an engine */
    public static WebhookFixture openStorage(DatabaseKind kind) throws Exception {
        ModuleStorage storage = ModuleStorage.open(kind, MODULE, "/db/webhooks", MIGRATIONS,
                List.of("wh_test_rows", "webhook_delivery_attempts", "webhook_deliveries", "webhooks"));
        try (Connection c = storage.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wh_test_rows (id VARCHAR(36) PRIMARY KEY, account_id VARCHAR(36), title VARCHAR(200), views INTEGER)");
        }
        DeliveryStore store = new DeliveryStore(storage.mappers().mapper(WebhookMapper.class),
                storage.mappers().mapper(DeliveryMapper.class), storage.transactions());
        return new WebhookFixture(store, storage, kind);
    }

    /** Retries after 100 ms and 200 ms, polls every 50 ms, 2 s timeout, 5 s lease, never disables. */
    public static WebhookSettings fastSettings() {
        return new WebhookSettings(20, List.of(Duration.ofMillis(100), Duration.ofMillis(200)), Duration.ofHours(1),
                Duration.ZERO, Duration.ofSeconds(2), 8, 4, Duration.ofMillis(50), Duration.ofSeconds(5), "http");
    }

    /** @return another started engine (another "instance") on the same database */
    public WebhookEngine newEngine(WebhookSettings settings, OutboundPolicy policy, HostResolver resolver) {
        OutboundHttp http = new OutboundHttp(policy, settings.timeout(), settings.maxConcurrent(), settings.maxPerWebhook(),
                resolver);
        clients.add(http);
        HttpWebhookTransport transport = new HttpWebhookTransport(http);
        WebhookEngine created = new WebhookEngine(store, new RuleEngineImpl(), policy, settings,
                () -> Optional.of(transport), failedEvents::add, Clock.systemUTC()).start();
        engines.add(created);
        return created;
    }

    public WebhooksResource resource() {
        return new WebhooksResource(engine.webhooks);
    }

    /** @return a request authenticated as the principal, as the auth filter leaves it */
    public static ContainerRequestContext as(Principal principal) {
        RequestAuthentication auth = RequestAuthentication.authenticated(principal, "req-test", "127.0.0.1", "junit");
        return (ContainerRequestContext) Proxy.newProxyInstance(WebhookFixture.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    public static RequestContext context(Principal principal) {
        return new RequestContext(principal, principal.accountId(), "req-test", "127.0.0.1", "junit");
    }

    /** @return a webhook body for the receiver */
    public Map<String, Object> hook(String collection, List<String> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", receiver.url());
        body.put("collection", collection);
        body.put("events", events);
        return body;
    }

    /** Creates a row of the stand-in collection and runs the outbox in the same transaction. */
    public void create(Principal who, String collection, String id, Map<String, Object> record) {
        storage.transactions().inTransaction(() -> {
            rows.insert(id, who.accountId(), (String) record.get("title"), (Integer) record.get("views"));
            engine.recordWritten(new RecordWrite(RecordWrite.Kind.CREATE, collection, who.accountId(), id, record, null,
                    context(who)));
            return null;
        });
    }

    /** Runs the outbox for an update or delete in a transaction (the row itself is not needed by webhooks). */
    public void change(Principal who, RecordWrite.Kind kind, String collection, String id, Map<String, Object> record,
            Map<String, Object> previous) {
        storage.transactions().inTransaction(() -> {
            engine.recordWritten(new RecordWrite(kind, collection, who.accountId(), id, record, previous, context(who)));
            return null;
        });
    }

    @Override
    public void close() {
        engines.forEach(WebhookEngine::close);
        clients.forEach(OutboundHttp::close);
        receiver.close();
        storage.close();
    }
}
