package io.snackbase.webhooks.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.outbound.support.OutboundHttp;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.rules.internal.RuleEngineImpl;
import io.snackbase.storage.jdbc.internal.DatabaseImpl;
import io.snackbase.storage.jdbc.internal.JdbcUrl;
import io.snackbase.storage.jdbc.internal.MappersImpl;
import io.snackbase.storage.jdbc.internal.TestDatabases;
import io.snackbase.storage.jdbc.internal.TransactionManagerImpl;
import io.snackbase.webhooks.internal.delivery.DeliveryStore;
import io.snackbase.webhooks.internal.delivery.HttpWebhookTransport;
import io.snackbase.webhooks.internal.store.DeliveryMapper;
import io.snackbase.webhooks.internal.store.WebhookMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance that {@link WebhookCrashTest} kills with SIGKILL: it writes rows of the stand-in collection, each
 * with its outbox rows in the same transaction, while its own worker delivers them, until it is killed.
 * Arguments: the JDBC URL, the number of writes, the pause between writes in milliseconds.
 */
public final class CrashWriter {

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        DatabaseImpl database = new DatabaseImpl(JdbcUrl.parse(args[0]), TestDatabases.config(8));
        int writes = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        TransactionManagerImpl transactions = new TransactionManagerImpl(database.dataSource());
        MappersImpl mappers = new MappersImpl(transactions, DatabaseKind.POSTGRESQL);
        DeliveryStore store = new DeliveryStore(mappers.mapper(WebhookMapper.class), mappers.mapper(DeliveryMapper.class),
                transactions);
        WebhookSettings settings = WebhookCrashTest.settings();
        OutboundPolicy policy = new OutboundPolicy(true);
        HttpWebhookTransport transport = new HttpWebhookTransport(
                new OutboundHttp(policy, settings.timeout(), settings.maxConcurrent(), settings.maxPerWebhook()));
        WebhookEngine engine = new WebhookEngine(store, new RuleEngineImpl(), policy, settings,
                () -> Optional.of(transport), data -> { }, Clock.systemUTC()).start();
        WebhookFixture.RowMapper rows = mappers.mapper(WebhookFixture.RowMapper.class);
        RequestContext context = WebhookFixture.context(WebhookFixture.ALICE);
        System.out.println("ready");
        for (int i = 0; i < writes; i++) {
            String id = "w" + i;
            transactions.inTransaction(() -> {
                rows.insert(id, WebhookFixture.ACCOUNT_A, "crash", i(id));
                engine.recordWritten(new RecordWrite(RecordWrite.Kind.CREATE, "posts", WebhookFixture.ACCOUNT_A, id,
                        Map.of("id", id), null, context));
                Thread.sleep(pause); // the transaction stays open a while, so that the kill often lands inside one
                return null;
            });
        }
        System.out.println("done");
        Thread.sleep(Duration.ofMinutes(5).toMillis());
        List.of(engine).forEach(WebhookEngine::close);
    }

    private static Integer i(String id) {
        return Integer.valueOf(id.substring(1));
    }
}
