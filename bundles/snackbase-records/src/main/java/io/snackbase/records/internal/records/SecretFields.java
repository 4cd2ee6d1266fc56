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
import org.slf4j.LoggerFactory;

/**
 * The field choice and the decryption of {@code GET /records/{c}/{id}/secrets} (records.md §12).
 * Plaintext only ever lives in the returned map: no message, log line or exception here carries a
 * value, stored or decrypted. Stateless; thread-safe.
 */
final class SecretFields {

    /** The most fields one call may reveal, named or implied (records.md §12). */
    static final int MAX = 20;

    private SecretFields() {}

    /**
     * @param text the {@code fields} query parameter (comma list), null when absent
     * @param readable the caller's {@code view_fields}, null for all
     * @return the encrypted fields to reveal, in the order named (absent: schema order)
     * @throws ApiException 400 for a name that is unknown or not encrypted, more than {@value #MAX}
     *     names, no name, or (absent) more than {@value #MAX} readable encrypted fields; 403 for a
     *     named field outside {@code view_fields}
     */
    static List<FieldDefinition> choose(CollectionDefinition def, String text, Set<String> readable) {
        if (text == null) {
            List<FieldDefinition> all = def.fields().stream()
                    .filter(f -> f.encrypted() && (readable == null || readable.contains(f.name()))).toList();
            if (all.size() > MAX) {
                throw invalid("Collection '" + def.name() + "' has " + all.size() + " encrypted fields; name at most " + MAX
                        + " of them in 'fields'");
            }
            return all;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        if (names.isEmpty()) {
            throw invalid("'fields' names no field; leave it out for every encrypted field");
        }
        if (names.size() > MAX) {
            throw invalid("'fields' names " + names.size() + " fields; at most " + MAX + " are allowed");
        }
        List<FieldDefinition> chosen = new ArrayList<>();
        for (String name : names) {
            FieldDefinition f = def.field(name).filter(d -> d.name().equals(name)).orElse(null);
            if (f == null) {
                throw invalid("Unknown field '" + shown(name) + "' in collection '" + def.name() + "'");
            }
            if (!f.encrypted()) {
                throw invalid("Field '" + f.name() + "' is not an encrypted field");
            }
            if (readable != null && !readable.contains(f.name())) {
                throw ApiException.forbidden("Access denied: field '" + f.name() + "' is not readable for this collection");
            }
            chosen.add(f);
        }
        return chosen;
    }

    /**
     * @param row the stored row (ciphertext in the encrypted columns)
     * @return field name → plaintext (text as a string, json as its JSON value), null for null
     * @throws ApiException 409 when a value cannot be decrypted (no key, or another key): a server
     *     configuration fault the caller cannot fix by retrying, logged without the value
     */
    static Map<String, Object> reveal(CollectionDefinition def, List<FieldDefinition> fields, Map<String, Object> row, FieldCipher cipher) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDefinition f : fields) {
            Object stored = row.get(f.name());
            if (stored == null) {
                out.put(f.name(), null);
                continue;
            }
            if (!cipher.available()) {
                throw ApiException.conflict("Field '" + f.name() + "' cannot be decrypted: this server has no usable encryption key"
                        + " (configuration io.snackbase.records.encryption, key; or SNACKBASE_ENCRYPTION_KEY)", f.name());
            }
            String plaintext;
            try {
                plaintext = cipher.decrypt(stored.toString(), def.name() + "." + f.name());
            } catch (IllegalArgumentException e) {
                // the cause says nothing of the value; the record id is enough to find the row
                LoggerFactory.getLogger(SecretFields.class).warn("Field {}.{} of record {} does not decrypt with the configured key",
                        def.name(), f.name(), row.get("id"));
                throw ApiException.conflict("Field '" + f.name() + "' does not decrypt with this server's encryption key", f.name());
            }
            out.put(f.name(), f.type() == FieldType.JSON ? RecordValues.json(FieldType.JSON, plaintext) : plaintext);
        }
        return out;
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "Invalid fields", message);
    }

    private static String shown(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}
