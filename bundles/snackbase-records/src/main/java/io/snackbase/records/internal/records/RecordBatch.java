package io.snackbase.records.internal.records;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.records.internal.records.RecordValues.Mode;
import io.snackbase.records.internal.service.CollectionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch create, update and delete (domain.md §2.4): every item goes through {@link RecordService}
 * (the same checks, rules, hooks and audit as a single write), all of them in one transaction, so
 * the first failing item rolls back everything written before it (rows and audit entries). After
 * hooks run once the whole batch has committed. Updates and deletes lock their rows in id order
 * first; a batch the database rolls back to break a deadlock runs again.
 */
public final class RecordBatch {

    /** The default maximum number of items per call. */
    public static final int DEFAULT_MAX = 100;

    private final RecordService records;
    private final CollectionStore store;
    private final int max;

    public RecordBatch(RecordService records, CollectionStore store, int max) {
        this.records = records;
        this.store = store;
        this.max = max;
    }

    public int max() {
        return max;
    }

    /** {@code {records:[{...}]}} → {@code {created, count}}. */
    public Map<String, Object> create(String collection, Map<String, Object> body, RequestContext ctx) {
        records.definition(collection);
        List<?> items = items(body, "records");
        List<Map<String, Object>> created = store.inRetriedTransaction(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> data = object(items.get(i), i, "records[" + i + "]");
                try {
                    out.add(records.create(collection, data, ctx));
                } catch (ApiException e) {
                    throw indexed(e, i, null);
                }
            }
            return out;
        });
        return result("created", created);
    }

    /** {@code {records:[{id, data}]}} → {@code {updated, count}}; an unknown or invisible id → 404. */
    public Map<String, Object> update(String collection, Map<String, Object> body, RequestContext ctx) {
        records.definition(collection);
        List<?> items = items(body, "records");
        List<Map<String, Object>> updated = store.inRetriedTransaction(() -> {
            records.lockRows(collection, ids(items, true), ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = object(items.get(i), i, "records[" + i + "]");
                Object id = item.get("id");
                if (!(id instanceof String s) || s.isBlank()) {
                    throw itemError(i, new FieldError("records[" + i + "].id", "Field required", "required_missing"));
                }
                Object data = item.get("data");
                if (data != null && !(data instanceof Map<?, ?>)) {
                    throw itemError(i, new FieldError("records[" + i + "].data", "Input should be an object", "invalid_type"));
                }
                try {
                    out.add(records.update(collection, s, data == null ? Map.of() : object(data, i, "records[" + i + "].data"), Mode.PATCH, ctx));
                } catch (ApiException e) {
                    throw indexed(e, i, s);
                }
            }
            return out;
        });
        return result("updated", updated);
    }

    /** {@code {ids:[...]}} → {@code {deleted, count}}; an unknown or invisible id → 404. */
    public Map<String, Object> delete(String collection, Map<String, Object> body, RequestContext ctx) {
        records.definition(collection);
        List<?> ids = items(body, "ids");
        List<String> deleted = store.inRetriedTransaction(() -> {
            records.lockRows(collection, ids(ids, false), ctx);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!(ids.get(i) instanceof String id) || id.isBlank()) {
                    throw itemError(i, new FieldError("ids[" + i + "]", "Input should be a record id", "invalid_type"));
                }
                try {
                    records.delete(collection, id, ctx);
                } catch (ApiException e) {
                    throw indexed(e, i, id);
                }
                out.add(id);
            }
            return out;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", deleted);
        out.put("count", deleted.size());
        return out;
    }

    /** @return the well-formed ids of the items (the others fail on their own below) */
    private static List<String> ids(List<?> items, boolean objects) {
        List<String> ids = new ArrayList<>();
        for (Object item : items) {
            Object id = objects ? (item instanceof Map<?, ?> m ? m.get("id") : null) : item;
            if (id instanceof String s && !s.isBlank()) {
                ids.add(s);
            }
        }
        return ids;
    }

    private List<?> items(Map<String, Object> body, String key) {
        Object list = body == null ? null : body.get(key);
        if (!(list instanceof List<?> items)) {
            throw ApiException.validation(List.of(new FieldError(key, list == null ? "Field required" : "Input should be a valid list",
                    list == null ? "missing" : "list_type")));
        }
        if (items.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError(key, "List should have at least 1 item", "too_short")));
        }
        if (items.size() > max) {
            throw new ApiException(400, "batch_too_large", "Batch size " + items.size() + " exceeds maximum of " + max);
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object item, int index, String field) {
        if (!(item instanceof Map<?, ?> m)) {
            throw itemError(index, new FieldError(field, "Input should be an object", "invalid_type"));
        }
        return new LinkedHashMap<>((Map<String, Object>) m);
    }

    private static ApiException itemError(int index, FieldError error) {
        return validationError(index, error.field() + ": " + error.message(), List.of(error));
    }

    private static ApiException validationError(int index, String message, Object details) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("index", index);
        extras.put("details", details);
        return new ApiException(400, "validation_error", "Item " + index + ": " + message, extras);
    }

    /**
     * A failing item: 400 → {@code validation_error} with its index and details; a missing record
     * (404 after the collection was found) → {@code not_found}; anything else keeps its status and
     * body, with the index added.
     */
    private static ApiException indexed(ApiException e, int index, String id) {
        if (e.status() == 400) {
            Object details = e.extras().get("details");
            return validationError(index, e.getMessage(), details != null ? details
                    : List.of(new FieldError("records[" + index + "]", e.getMessage(), "invalid")));
        }
        if (e.status() == 404 && id != null) {
            return new ApiException(404, "not_found", "Record '" + id + "' not found (index " + index + ")");
        }
        Map<String, Object> extras = new LinkedHashMap<>(e.extras());
        extras.put("index", index);
        return new ApiException(e.status(), e.error(), e.getMessage(), extras);
    }

    private static Map<String, Object> result(String key, List<Map<String, Object>> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, items);
        out.put("count", items.size());
        return out;
    }
}
