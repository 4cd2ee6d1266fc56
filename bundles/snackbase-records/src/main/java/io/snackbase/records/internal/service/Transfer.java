package io.snackbase.records.internal.service;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.records.internal.core.Problems;
import io.snackbase.records.internal.core.Times;
import io.snackbase.records.internal.store.CollectionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Export of collection definitions (fields and rules) and their import with a conflict strategy. */
public final class Transfer {

    public static final List<String> STRATEGIES = List.of("error", "skip", "update");

    private final CollectionStore store;
    private final Collections collections;

    public Transfer(CollectionStore store, Collections collections) {
        this.store = store;
        this.collections = collections;
    }

    /**
     * @param ids the collections to export, or null for all
     * @return {@code {version, exported_at, exported_by, collections: [{name, schema, rules}]}}
     * @throws ApiException 404 for an unknown id
     */
    public Map<String, Object> export(List<String> ids, String exportedBy, Instant now) {
        List<CollectionRow> rows = new ArrayList<>();
        if (ids == null) {
            rows.addAll(store.collections.all());
        } else {
            for (String id : ids) {
                rows.add(collections.require(id));
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (CollectionRow row : rows) {
            CollectionDefinition c = Schemas.definition(row);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", c.name());
            item.put("schema", Schemas.wire(c.fields()));
            item.put("rules", Schemas.wire(c.rules()));
            items.add(item);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", "1.0");
        m.put("exported_at", Times.iso(now));
        m.put("exported_by", exportedBy);
        m.put("collections", items);
        return m;
    }

    /**
     * Imports the collections of an export document, reference targets first. Per collection:
     * created with its rules when new; when it exists, {@code error} reports a failure,
     * {@code skip} skips it, {@code update} applies its schema (rules untouched).
     *
     * @throws ApiException 400 for an unsupported version, 422 for a malformed document
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> importAll(Object rawData, String strategy, RequestContext context) {
        if (!(rawData instanceof Map<?, ?> data)) {
            throw rawData == null ? Problems.required("data") : Problems.shape("data", "Input should be a valid dictionary");
        }
        if (!STRATEGIES.contains(strategy)) {
            throw Problems.shape("strategy", "Input should be 'error', 'skip' or 'update'");
        }
        Object version = data.get("version");
        if (!(version instanceof String v) || !v.startsWith("1.")) {
            throw new ApiException(400, "Validation error", "Unsupported export version: " + version);
        }
        if (!(data.get("collections") instanceof List<?> list)) {
            throw Problems.shape("data.collections", "Input should be a valid list");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item) || !(item.get("name") instanceof String)) {
                throw Problems.shape("data.collections[" + i + "]", "Each collection needs a name");
            }
            items.add((Map<String, Object>) item);
        }
        int imported = 0;
        int skipped = 0;
        int updated = 0;
        int failed = 0;
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> item : dependencyOrder(items)) {
            String name = (String) item.get("name");
            Object schema = item.get("schema");
            Map<String, Object> rules = item.get("rules") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
            String status;
            String message;
            try {
                CollectionRow existing = store.byName(name);
                if (existing == null) {
                    collections.create(name, schema, rules, context);
                    status = "imported";
                    message = "Collection '" + name + "' imported";
                    imported++;
                } else if (strategy.equals("skip")) {
                    status = "skipped";
                    message = "Collection '" + name + "' already exists; skipped";
                    skipped++;
                } else if (strategy.equals("update")) {
                    collections.update(existing.id, schema, Map.of(), false, context);
                    status = "updated";
                    message = "Collection '" + name + "' updated";
                    updated++;
                } else {
                    status = "error";
                    message = "Collection '" + name + "' already exists";
                    failed++;
                }
            } catch (ApiException e) {
                status = "error";
                message = e.getMessage();
                failed++;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("status", status);
            result.put("message", message);
            results.add(result);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", failed == 0);
        m.put("imported_count", imported);
        m.put("skipped_count", skipped);
        m.put("updated_count", updated);
        m.put("failed_count", failed);
        m.put("collections", results);
        // DDL is applied directly; there are no migration revisions to report
        m.put("migrations_created", List.of());
        return m;
    }

    /**
     * Orders the items so that every collection comes after the collections of the same document
     * it references (a self-reference does not count); items of a reference cycle keep their order.
     */
    static List<Map<String, Object>> dependencyOrder(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            byName.putIfAbsent(((String) item.get("name")).toLowerCase(Locale.ROOT), item);
        }
        List<Map<String, Object>> ordered = new ArrayList<>();
        Set<Map<String, Object>> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Map<String, Object>> visiting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map<String, Object> item : items) {
            visit(item, byName, placed, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(Map<String, Object> item, Map<String, Map<String, Object>> byName, Set<Map<String, Object>> placed,
            Set<Map<String, Object>> visiting, List<Map<String, Object>> ordered) {
        if (placed.contains(item) || !visiting.add(item)) {
            return;
        }
        for (String target : targets(item)) {
            Map<String, Object> dependency = byName.get(target);
            if (dependency != null && dependency != item) {
                visit(dependency, byName, placed, visiting, ordered);
            }
        }
        visiting.remove(item);
        placed.add(item);
        ordered.add(item);
    }

    private static List<String> targets(Map<String, Object> item) {
        List<String> targets = new ArrayList<>();
        if (item.get("schema") instanceof List<?> fields) {
            for (Object f : fields) {
                if (f instanceof Map<?, ?> field && "reference".equalsIgnoreCase(String.valueOf(field.get("type")))
                        && field.get("collection") instanceof String target) {
                    targets.add(target.toLowerCase(Locale.ROOT));
                }
            }
        }
        return targets;
    }
}
