package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.webhooks.WebhookConstants;
import io.snackbase.api.webhooks.WebhookTransport;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered {@link WebhookTransport}s, and which one sends for a transport id: for one id the highest
 * {@code service.ranking} wins, then the lowest {@code service.id}. Thread-safe; bound and unbound by DS.
 */
public final class Transports {

    private record Entry(WebhookTransport transport, String id, int ranking, long serviceId) {}

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<WebhookTransport, Entry> entries = new ConcurrentHashMap<>();

    /** Adds or updates a transport from its service properties; one without an id is ignored. */
    public void add(WebhookTransport transport, Map<String, ?> properties) {
        Object id = properties.get(WebhookConstants.TRANSPORT_ID);
        if (!(id instanceof String name) || name.isBlank()) {
            entries.remove(transport);
            return;
        }
        Object ranking = properties.get("service.ranking");
        Object serviceId = properties.get("service.id");
        entries.put(transport, new Entry(transport, name, ranking instanceof Integer r ? r : 0,
                serviceId instanceof Long s ? s : Long.MAX_VALUE));
    }

    public void remove(WebhookTransport transport) {
        entries.remove(transport);
    }

    /** @return the transport that sends for the id, if any is registered */
    public Optional<WebhookTransport> select(String id) {
        return entries.values().stream().filter(e -> e.id().equals(id)).min(ORDER).map(Entry::transport);
    }
}
