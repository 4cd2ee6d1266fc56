package io.snackbase.api.collections;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection as stored: its fields in their defined order, its rules and its physical table.
 * Immutable.
 *
 * @param id the collection id (a UUID)
 * @param name the name as given at creation; names are unique without regard to case
 * @param tableName the physical table shared by all accounts ({@code col_<lower-cased name>}, or a
 *     shortened form with a hash for names longer than 59 characters); safe to quote and use as an
 *     identifier
 * @param fields the user fields, without the system fields {@code id, account_id, created_at,
 *     updated_at, created_by, updated_by}
 * @param rules the access rules
 * @param createdAt when the collection was created
 * @param updatedAt when its definition last changed; a cheap version of the definition
 */
public record CollectionDefinition(String id, String name, String tableName, List<FieldDefinition> fields,
        CollectionRules rules, Instant createdAt, Instant updatedAt) {

    public CollectionDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tableName, "tableName");
        fields = List.copyOf(fields);
        rules = rules == null ? CollectionRules.DEFAULTS : rules;
    }

    /**
     * @param fieldName a field name in any case
     * @return the field of that name (names are unique without regard to case)
     */
    public Optional<FieldDefinition> field(String fieldName) {
        if (fieldName == null) {
            return Optional.empty();
        }
        String key = fieldName.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }
}
