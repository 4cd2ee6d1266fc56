package io.snackbase.webhooks.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import io.snackbase.webhooks.internal.WebhookFixture;
import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outcomes recorded a batch per transaction: delivered rows in one UPDATE, the others row by row, and a batch
 * in which one lease went to another instance written again row by row, so that the rows still held are
 * recorded and the lost one is left to its new owner. On every supported database.
 */
class ResultsBatchTest {

    private static final String ME = "instance-me";

    static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void deliveredRowsGoInOneStatementAndOthersRowByRow(DatabaseKind kind) throws Exception {
        try (WebhookFixture fixture = WebhookFixture.openStorage(kind)) {
            WebhookRow webhook = webhook(fixture);
            List<DeliveryRow> rows = leased(fixture, webhook, 4);
            List<Map<String, Object>> failed = new CopyOnWriteArrayList<>();
            Results results = new Results(fixture.store, Clock.systemUTC(), List.of(Duration.ofMinutes(1)), Duration.ZERO,
                    failed::add);

            int recorded = results.recordAll(List.of(
                    new Results.Finished(webhook, rows.get(0), new Outcome(200, "ok 0", null, 5)),
                    new Results.Finished(webhook, rows.get(1), new Outcome(500, "boom", null, 6)),
                    new Results.Finished(webhook, rows.get(2), new Outcome(204, null, null, 7)),
                    new Results.Finished(webhook, rows.get(3), new Outcome(201, "ok 3", null, 8))), ME);

            assertThat(recorded).isEqualTo(4);
            DeliveryRow first = fixture.store.deliveries().bySeq(rows.get(0).seq);
            assertThat(first.status).isEqualTo("delivered");
            assertThat(first.responseStatus).isEqualTo(200);
            assertThat(first.responseBody).isEqualTo("ok 0");
            assertThat(first.durationMs).isEqualTo(5L);
            assertThat(first.attemptNumber).isEqualTo(1);
            assertThat(first.leaseOwner).isNull();
            assertThat(first.deliveredAt).isNotNull();
            DeliveryRow third = fixture.store.deliveries().bySeq(rows.get(2).seq);
            assertThat(third.status).isEqualTo("delivered");
            assertThat(third.responseStatus).isEqualTo(204);
            assertThat(third.responseBody).isNull();
            assertThat(third.durationMs).isEqualTo(7L);
            assertThat(fixture.store.deliveries().bySeq(rows.get(3).seq).responseBody).isEqualTo("ok 3");
            DeliveryRow retrying = fixture.store.deliveries().bySeq(rows.get(1).seq);
            assertThat(retrying.status).isEqualTo("retrying");
            assertThat(retrying.attemptNumber).isEqualTo(2);
            assertThat(retrying.error).isEqualTo("Receiver answered HTTP 500");
            for (DeliveryRow row : rows) {
                assertThat(fixture.store.deliveries().attempts(row.seq)).hasSize(1);
            }
            assertThat(failed).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBatchWithALostLeaseRecordsTheOthersAndLeavesThatOne(DatabaseKind kind) throws Exception {
        try (WebhookFixture fixture = WebhookFixture.openStorage(kind)) {
            WebhookRow webhook = webhook(fixture);
            List<DeliveryRow> rows = leased(fixture, webhook, 3);
            try (Connection c = fixture.storage.database().dataSource().getConnection();
                    PreparedStatement steal = c.prepareStatement("UPDATE webhook_deliveries SET lease_owner = ? WHERE seq = ?")) {
                steal.setString(1, "instance-other");
                steal.setLong(2, rows.get(1).seq);
                steal.executeUpdate();
            }
            Results results = new Results(fixture.store, Clock.systemUTC(), List.of(), Duration.ZERO, data -> { });
            List<Results.Finished> batch = new ArrayList<>();
            for (DeliveryRow row : rows) {
                batch.add(new Results.Finished(webhook, row, new Outcome(200, "ok", null, 1)));
            }

            assertThat(results.recordAll(batch, ME)).isEqualTo(2);
            assertThat(fixture.store.deliveries().bySeq(rows.get(0).seq).status).isEqualTo("delivered");
            assertThat(fixture.store.deliveries().bySeq(rows.get(2).seq).status).isEqualTo("delivered");
            DeliveryRow lost = fixture.store.deliveries().bySeq(rows.get(1).seq);
            assertThat(lost.status).isEqualTo("pending");
            assertThat(lost.leaseOwner).isEqualTo("instance-other");
            assertThat(fixture.store.deliveries().attempts(lost.seq)).isEmpty();
            assertThat(fixture.store.deliveries().attempts(rows.get(0).seq)).hasSize(1);
        }
    }

    private static WebhookRow webhook(WebhookFixture fixture) {
        WebhookRow row = new WebhookRow();
        row.id = UUID.randomUUID().toString();
        row.accountId = WebhookFixture.ACCOUNT_A;
        row.url = "http://127.0.0.1:9/hook";
        row.collection = "posts";
        row.events = "create";
        row.secret = "s";
        row.enabled = true;
        row.createdAt = 1L;
        row.updatedAt = 1L;
        fixture.store.transactions().inTransaction(() -> fixture.store.webhooks().insert(row));
        return row;
    }

    /** Pending deliveries of the webhook, leased to {@link #ME} as a claim leaves them. */
    private static List<DeliveryRow> leased(WebhookFixture fixture, WebhookRow webhook, int count) {
        long now = System.currentTimeMillis();
        List<DeliveryRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeliveryRow row = new DeliveryRow();
            row.id = UUID.randomUUID().toString();
            row.webhookId = webhook.id;
            row.accountId = webhook.accountId;
            row.event = "records.create";
            row.collection = "posts";
            row.recordKey = "posts/r" + i;
            row.payload = "{}";
            row.status = "pending";
            row.attemptNumber = 1;
            row.nextAttemptAt = now;
            row.createdAt = now;
            row.updatedAt = now;
            fixture.store.transactions().inTransaction(() -> fixture.store.deliveries().insert(row));
            rows.add(row);
        }
        List<Long> seqs = rows.stream().map(row -> row.seq).toList();
        int leased = fixture.store.transactions().inTransaction(
                () -> fixture.store.deliveries().lease(seqs, ME, now + 60_000, now));
        assertThat(leased).isEqualTo(count);
        return rows;
    }
}
