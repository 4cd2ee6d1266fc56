package io.snackbase.webhooks.internal.delivery;

import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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

    /** A delivery leased to this instance, and its webhook as read in the claim (null when deleted meanwhile). */
    record Claimed(DeliveryRow delivery, WebhookRow webhook) {}

    /**
     * Candidates read beyond the free slots, so that rows held back by ordering or by a busy webhook do not
     * starve the others, without locking a whole backlog on every claim.
     */
    private static final int OVERSCAN = 32;

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
     * @return the claimed deliveries, leased to this instance, each with its webhook (null when just deleted)
     */
    List<Claimed> claim(int limit, ToIntFunction<String> inFlight) {
        return store.transactions().inTransaction(() -> {
            long now = clock.millis();
            List<DeliveryRow> due = store.deliveries().due(now, limit + OVERSCAN);
            if (due.isEmpty()) {
                return List.<Claimed>of();
            }
            Set<Long> heldBack = new HashSet<>(store.deliveries().heldBack(seqs(due)));
            List<DeliveryRow> chosen = new ArrayList<>();
            Map<String, Integer> taken = new HashMap<>();
            for (DeliveryRow candidate : due) {
                if (chosen.size() >= limit) {
                    break;
                }
                int busy = inFlight.applyAsInt(candidate.webhookId) + taken.getOrDefault(candidate.webhookId, 0);
                if (busy < maxPerWebhook && !heldBack.contains(candidate.seq)) {
                    chosen.add(candidate);
                    taken.merge(candidate.webhookId, 1, Integer::sum);
                }
            }
            if (chosen.isEmpty()) {
                return List.<Claimed>of();
            }
            long until = now + lease.toMillis();
            if (store.deliveries().lease(seqs(chosen), owner, until, now) != chosen.size()) {
                Set<Long> mine = new HashSet<>(store.deliveries().leased(seqs(chosen), owner, until));
                chosen.removeIf(row -> !mine.contains(row.seq));
            }
            return withWebhooks(chosen);
        });
    }

    /** Pairs each claimed delivery with its webhook, read in the claim so that sending needs no further query. */
    private List<Claimed> withWebhooks(List<DeliveryRow> chosen) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        Map<String, WebhookRow> webhooks = new HashMap<>();
        Set<String> ids = new HashSet<>();
        chosen.forEach(row -> ids.add(row.webhookId));
        store.webhooks().byIds(ids).forEach(webhook -> webhooks.put(webhook.id, webhook));
        List<Claimed> claimed = new ArrayList<>();
        chosen.forEach(row -> claimed.add(new Claimed(row, webhooks.get(row.webhookId))));
        return claimed;
    }

    private static List<Long> seqs(List<DeliveryRow> rows) {
        return rows.stream().map(row -> row.seq).toList();
    }
}
