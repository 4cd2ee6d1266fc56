package io.snackbase.api.collections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a collection, as validated and stored. Immutable: JSON values ({@code defaultValue},
 * {@code options}) are deep copies made of unmodifiable maps and lists, strings, numbers and
 * booleans.
 *
 * @param name the field name, as given ({@code ^[a-zA-Z][a-zA-Z0-9_]*$}, 1 to 64 characters,
 *     unique within the collection without regard to case); it is also the column name
 * @param type the type
 * @param required whether a record must carry a non-null value (enforced by the record
 *     validator, not by the column, which is nullable)
 * @param defaultValue the JSON value applied on create when the field is omitted, or null
 * @param unique whether a value may occur once per account
 * @param options free-form options (a JSON object or array), or null
 * @param collection the target collection name of a {@link FieldType#REFERENCE}, else null
 * @param onDelete the on-delete action of a reference, else null
 * @param pii whether the value is personal data, masked for callers outside the
 *     {@code pii_access} group
 * @param maskType the mask of a PII field ({@code email, ssn, phone, name, full, custom}), or null
 * @param expression the expression of a {@link FieldType#COMPUTED} field, else null
 * @param returnType the result type of a computed field ({@code TEXT, NUMBER, BOOLEAN, DATETIME}),
 *     else null
 * @param encrypted whether the value is encrypted at rest (only {@code text} and {@code json})
 */
public record FieldDefinition(String name, FieldType type, boolean required, Object defaultValue, boolean unique,
        Object options, String collection, ReferenceAction onDelete, boolean pii, String maskType,
        String expression, FieldType returnType, boolean encrypted) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = frozen(defaultValue);
        options = frozen(options);
    }

    /** @return true for a computed field, which has no column */
    public boolean isVirtual() {
        return type == FieldType.COMPUTED;
    }

    /** @return a copy of a JSON value that cannot be changed */
    static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(FieldDefinition::frozen).collect(java.util.stream.Collectors.toList()));
        }
        return value;
    }
}
