package io.snackbase.records.internal.records;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code expand=a,b.c} (domain.md §2.4): reference ids replaced by the referenced records. Paths are
 * checked first (every segment a reference field of its collection, at most {@link #MAX_DEPTH}
 * segments); then each level of each path is one query by ids, in the caller's account scope and
 * the target collection's view rule; the target's {@code view_fields} and PII masking apply (the
 * [Q] fix and discrepancies #44). A
 * missing, hidden, other-account or not-viewable target becomes {@code null}.
 */
final class Expander {

    static final int MAX_DEPTH = 3;

    /** One path segment: the reference field, its target and the nested paths below it. */
    record Node(String field, CollectionDefinition target, Map<String, Node> children) {}

    /** How the caller may view a collection: its scope (null = not at all) and its view field list. */
    interface Viewer {
        /** @return the scope and view rule for the caller, or null when the view rule denies */
        RecordStore.Where scope(CollectionDefinition def);

        /** @return the caller's view field list of the collection, null = all */
        Set<String> fields(CollectionDefinition def);

        /** @return the caller, whose groups decide the target collection's PII masking */
        io.snackbase.api.context.Principal principal();
    }

    private Expander() {}

    /**
     * @param definitions collection name → definition, null when there is none
     * @return the path tree, empty for no expand
     * @throws ApiException 400 {@code Invalid expand field}
     */
    static Map<String, Node> parse(CollectionDefinition def, String text, Function<String, CollectionDefinition> definitions) {
        Map<String, Node> roots = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return roots;
        }
        for (String path : text.split(",")) {
            if (path.isBlank()) {
                continue;
            }
            String[] segments = path.strip().split("\\.", -1);
            if (segments.length > MAX_DEPTH) {
                throw new ApiException(400, "Invalid expand field", "Expand path '" + path.strip() + "' is deeper than the maximum of " + MAX_DEPTH);
            }
            Map<String, Node> level = roots;
            CollectionDefinition current = def;
            for (String segment : segments) {
                String name = segment.strip();
                FieldDefinition f = current.field(name).orElse(null);
                CollectionDefinition target = f != null && f.type() == FieldType.REFERENCE && f.collection() != null
                        ? definitions.apply(f.collection()) : null;
                if (target == null) {
                    throw new ApiException(400, "Invalid expand field", "Field '" + name + "' is not a reference field and cannot be expanded");
                }
                Node node = level.computeIfAbsent(f.name(), k -> new Node(k, target, new LinkedHashMap<>()));
                level = node.children();
                current = target;
            }
        }
        return roots;
    }

    /** Replaces the reference ids of the records (API objects, changed in place) by the referenced records. */
    static void expand(List<Map<String, Object>> records, Map<String, Node> tree, RecordStore store, Viewer viewer) {
        for (Node node : tree.values()) {
            List<Map<String, Object>> holders = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (Map<String, Object> r : records) {
                if (r != null && r.containsKey(node.field())) {
                    holders.add(r);
                    if (r.get(node.field()) instanceof String id) {
                        ids.add(id);
                    }
                }
            }
            if (holders.isEmpty()) {
                continue;
            }
            RecordStore.Where where = viewer.scope(node.target());
            Map<String, Map<String, Object>> found = new LinkedHashMap<>();
            if (where != null && !ids.isEmpty()) {
                for (Map<String, Object> row : store.byIds(node.target(), ids, where)) {
                    found.put((String) row.get("id"), row);
                }
            }
            Set<String> allowed = viewer.fields(node.target());
            List<Map<String, Object>> expanded = new ArrayList<>();
            for (Map<String, Object> r : holders) {
                Map<String, Object> row = r.get(node.field()) instanceof String id ? found.get(id) : null;
                // a reference always points into its record's account; anything else is not shown
                if (row != null && r.get("account_id") != null && !r.get("account_id").equals(row.get("account_id"))) {
                    row = null;
                }
                Map<String, Object> json = row == null ? null : new LinkedHashMap<>(PiiMasks.apply(node.target(), viewer.principal(),
                        Access.project(RecordStore.toJson(node.target(), row), allowed, null)));
                r.put(node.field(), json);
                if (json != null) {
                    expanded.add(json);
                }
            }
            if (!node.children().isEmpty()) {
                expand(expanded, node.children(), store, viewer);
            }
        }
    }
}
