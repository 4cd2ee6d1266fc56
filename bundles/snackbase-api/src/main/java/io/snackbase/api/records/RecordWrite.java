package io.snackbase.api.records;

import io.snackbase.api.context.RequestContext;
import java.util.Map;
import java.util.Objects;

/**
 * One committed-to-be record write, as {@link RecordWriteListener}s see it.
 *
 * <p>{@code record} is the row after the write in its JSON form (system fields included; null for
 * a delete); {@code previous} is the row before it (null for a create). Both maps are unmodifiable
 * and unmasked: listeners see PII and must not expose it beyond the record's own account.
 *
 * @param kind what happened
 * @param collection the collection name
 * @param accountId the account that owns the row
 * @param recordId the row's id
 * @param record the row after the write, or null for a delete
 * @param previous the row before the write, or null for a create
 * @param context who wrote it and in which request
 */
public record RecordWrite(Kind kind, String collection, String accountId, String recordId, Map<String, Object> record,
        Map<String, Object> previous, RequestContext context) {

    /** The kind of write; {@link #event()} gives the name hooks and webhooks use. */
    public enum Kind {
        CREATE("create"), UPDATE("update"), DELETE("delete");

        private final String event;

        Kind(String event) {
            this.event = event;
        }

        /** {@code create}, {@code update} or {@code delete}. */
        public String event() {
            return event;
        }
    }

    public RecordWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(context, "context");
        record = record == null ? null : java.util.Collections.unmodifiableMap(record);
        previous = previous == null ? null : java.util.Collections.unmodifiableMap(previous);
    }
}
