package io.snackbase.webhooks.internal.delivery;

import io.snackbase.webhooks.internal.store.DeliveryRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Claims due deliveries for one instance in one short transaction: candidates are locked with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, MariaDB) or under SQLite's single write lock, a candidate is
 * taken only when it is the oldest open delivery of its webhook for its record (ordering per record; a
 * retrying one holds back the later ones of that record only), and the claim itself is a conditional UPDATE
 * of the lease, so that no two instances ever hold a live lease on one delivery.
 */
final class Claims {

    /** Candidates read per claimed slot, so that rows held back by ordering do not starve the others. */
    private static final int OVERSCAN = 4;

    private final DeliveryStore store;
    private final Clock clock;
    private final Duration lease;
    private final int maxPerWebhook;
    private final String owner;

    Claims(DeliveryStore store, Clock clock, Duration lease, int maxPerWebhook, String owner) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
        this.maxPerWebhook = maxPerWebhook;
        this.owner = owner;
    }

    String owner() {
        return owner;
    }

    /**
     * @param limit how many to claim at most
     * @param inFlight how many attempts of a webhook this instance is sending now
     * @return the claimed deliveries (seq and webhook id), leased to this instance
     */
    List<DeliveryRow> claim(int limit, ToIntFunction<String> inFlight) {
        return store.transactions().inTransaction(() -> {
            long now = clock.millis();
            List<DeliveryRow> claimed = new ArrayList<>();
            Map<String, Integer> taken = new HashMap<>();
            for (DeliveryRow candidate : store.deliveries().due(now, limit * OVERSCAN)) {
                if (claimed.size() >= limit) {
                    break;
                }
                int busy = inFlight.applyAsInt(candidate.webhookId) + taken.getOrDefault(candidate.webhookId, 0);
                if (busy >= maxPerWebhook) {
                    continue;
                }
                Long first = store.deliveries().firstOpen(candidate.webhookId, candidate.recordKey);
                if (first == null || first.longValue() != candidate.seq.longValue()) {
                    continue;
                }
                if (store.deliveries().lease(candidate.seq, owner, now + lease.toMillis(), now) == 1) {
                    claimed.add(candidate);
                    taken.merge(candidate.webhookId, 1, Integer::sum);
                }
            }
            return claimed;
        });
    }
}
