package io.snackbase.records.internal.core;

import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.collections.ReferenceAction;
import io.snackbase.api.errors.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a collection name and a field list against the contract's rules and turns the field list
 * into {@link FieldDefinition}s; every problem is reported at once, with the contract's codes and
 * paths ({@code schema[2].name}). Nothing reaches SQL before this has passed.
 */
public final class SchemaValidator {

    /** The system columns of every collection table. */
    public static final Set<String> RESERVED = Set.of("id", "account_id", "created_at", "created_by", "updated_at", "updated_by");
    public static final int MAX_COMPUTED = 10;
    public static final int MAX_NAME = 64;
    public static final Set<String> MASK_TYPES = Set.of("email", "ssn", "phone", "name", "full", "custom");
    static final List<FieldType> RETURN_TYPES = List.of(FieldType.TEXT, FieldType.NUMBER, FieldType.BOOLEAN, FieldType.DATETIME);
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]*$");
    // PostgreSQL keeps the first 63 bytes of an identifier: two names that agree on those would be one column.
    private static final int POSTGRES_IDENTIFIER = 63;

    /** The fields of a valid list, or the problems of an invalid one. */
    public record Result(List<FieldDefinition> fields, List<FieldError> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private SchemaValidator() {}

    /** @return the problems of a collection name (3 to 64 characters, a letter first, then letters, digits, underscores) */
    public static List<FieldError> checkName(String name) {
        if (name == null || name.isEmpty()) {
            return List.of(new FieldError("name", "Collection name is required", "name_required"));
        }
        if (name.length() < 3) {
            return List.of(new FieldError("name", "Collection name must be at least 3 characters", "name_too_short"));
        }
        if (name.length() > MAX_NAME) {
            return List.of(new FieldError("name", "Collection name must be at most 64 characters", "name_too_long"));
        }
        if (!NAME.matcher(name).matches()) {
            return List.of(new FieldError("name",
                    "Collection name must start with a letter and contain only letters, numbers, and underscores", "name_invalid_format"));
        }
        return List.of();
    }

    /**
     * @param raw the {@code fields}/{@code schema} value of the request (a JSON array of objects)
     * @param collectionExists whether a collection of a name (any case) exists, for reference targets
     * @param selfName the name of the collection being defined, a valid reference target too
     * @return the definitions or the problems
     * @throws io.snackbase.api.errors.ApiException 422 when the value or a property has the wrong JSON type
     */
    public static Result fields(Object raw, Predicate<String> collectionExists, String selfName) {
        if (!(raw instanceof List<?> list)) {
            throw Problems.shape("schema", "Input should be a valid list");
        }
        List<FieldError> problems = new ArrayList<>();
        if (list.isEmpty()) {
            problems.add(new FieldError("schema", "Schema must contain at least one field", "schema_empty"));
            return new Result(List.of(), problems);
        }
        List<FieldDefinition> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> seenPrefixes = new HashSet<>();
        int computed = 0;
        for (int i = 0; i < list.size(); i++) {
            String path = "schema[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw Problems.shape(path, "Input should be a valid dictionary");
            }
            Props p = new Props(path, map);
            int before = problems.size();
            String name = p.text("name");
            if (name == null || name.isEmpty()) {
                problems.add(new FieldError(path + ".name", "Field name is required", "field_name_required"));
            } else if (name.length() > MAX_NAME) {
                problems.add(new FieldError(path + ".name", "Field name must be at most 64 characters", "field_name_too_long"));
            } else if (!NAME.matcher(name).matches()) {
                problems.add(new FieldError(path + ".name",
                        "Field name must start with a letter and contain only letters, numbers, and underscores", "field_name_invalid_format"));
            } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldError(path + ".name", "Field name '" + name + "' is reserved for system fields", "field_name_reserved"));
            } else {
                String key = name.toLowerCase(Locale.ROOT);
                String prefix = key.length() > POSTGRES_IDENTIFIER ? key.substring(0, POSTGRES_IDENTIFIER) : key;
                if (!seen.add(key) || !seenPrefixes.add(prefix)) {
                    problems.add(new FieldError(path + ".name", "Duplicate field name '" + name + "'", "field_name_duplicate"));
                }
            }
            String typeText = p.text("type");
            FieldType type = null;
            if (typeText == null || typeText.isBlank()) {
                problems.add(new FieldError(path + ".type", "Field type is required", "field_type_required"));
            } else {
                type = FieldType.of(typeText).orElse(null);
                if (type == null) {
                    problems.add(new FieldError(path + ".type", "Invalid field type '" + typeText + "'. Must be one of: "
                            + Arrays.stream(FieldType.values()).map(FieldType::wireName).collect(Collectors.joining(", ")), "field_type_invalid"));
                }
            }
            boolean required = p.bool("required");
            boolean unique = p.bool("unique");
            boolean pii = p.bool("pii");
            boolean encrypted = p.bool("encrypted");
            Object defaultValue = map.get("default");
            String collection = p.text("collection");
            String onDeleteText = p.text("on_delete");
            String maskType = p.text("mask_type");
            String expression = p.text("expression");
            String returnTypeText = p.text("return_type");
            ReferenceAction onDelete = null;
            FieldType returnType = null;

            if (type == FieldType.REFERENCE) {
                if (collection == null || collection.isBlank()) {
                    problems.add(new FieldError(path + ".collection", "Reference fields must specify a target collection",
                            "reference_collection_required"));
                } else if (!collection.equalsIgnoreCase(selfName) && !collectionExists.test(collection)) {
                    problems.add(new FieldError(path + ".collection", "Referenced collection '" + collection + "' does not exist",
                            "reference_collection_not_found"));
                }
                if (onDeleteText == null || onDeleteText.isBlank()) {
                    problems.add(new FieldError(path + ".on_delete", "Reference fields must specify on_delete action",
                            "reference_on_delete_required"));
                } else {
                    onDelete = ReferenceAction.of(onDeleteText).orElse(null);
                    if (onDelete == null) {
                        problems.add(new FieldError(path + ".on_delete", "Invalid on_delete action '" + onDeleteText
                                + "'. Must be one of: cascade, set_null, restrict", "reference_on_delete_invalid"));
                    }
                }
            } else {
                collection = null;
            }
            if (maskType != null) {
                if (!pii) {
                    problems.add(new FieldError(path + ".mask_type", "mask_type can only be set when pii is true", "mask_type_requires_pii"));
                } else if (!MASK_TYPES.contains(maskType)) {
                    problems.add(new FieldError(path + ".mask_type", "Invalid mask_type '" + maskType
                            + "'. Must be one of: email, ssn, phone, name, full, custom", "mask_type_invalid"));
                }
            }
            if (type == FieldType.COMPUTED) {
                computed++;
                if (required) {
                    problems.add(new FieldError(path + ".required", "Computed fields cannot be required", "computed_field_no_required"));
                }
                if (defaultValue != null) {
                    problems.add(new FieldError(path + ".default", "Computed fields cannot have a default value", "computed_field_no_default"));
                }
                if (unique) {
                    problems.add(new FieldError(path + ".unique", "Computed fields cannot be unique", "computed_field_no_unique"));
                }
                if (expression == null || expression.isBlank()) {
                    problems.add(new FieldError(path + ".expression", "Computed fields must have an expression",
                            "computed_field_expression_required"));
                }
                if (returnTypeText == null || returnTypeText.isBlank()) {
                    problems.add(new FieldError(path + ".return_type", "Computed fields must have a return_type",
                            "computed_field_return_type_required"));
                } else {
                    returnType = FieldType.of(returnTypeText).filter(RETURN_TYPES::contains).orElse(null);
                    if (returnType == null) {
                        problems.add(new FieldError(path + ".return_type", "Invalid return_type '" + returnTypeText
                                + "'. Must be one of: text, number, boolean, datetime", "computed_field_return_type_invalid"));
                    }
                }
            } else {
                expression = null;
            }
            if (encrypted) {
                if (type != null && type != FieldType.TEXT && type != FieldType.JSON) {
                    problems.add(new FieldError(path + ".encrypted", "Only text and json fields can be encrypted", "encrypted_type_invalid"));
                }
                if (unique) {
                    problems.add(new FieldError(path + ".unique", "Encrypted fields cannot be unique", "encrypted_field_no_unique"));
                }
                if (defaultValue != null) {
                    // a default is applied to existing rows by a plain UPDATE when PUT adds the field
                    problems.add(new FieldError(path + ".default", "Encrypted fields cannot have a default", "encrypted_field_no_default"));
                }
            }
            if (type != null && type != FieldType.COMPUTED && defaultValue != null && !defaultFits(type, defaultValue)) {
                problems.add(new FieldError(path + ".default", "Default value is not a valid " + type.wireName() + " value", "default_invalid"));
            }
            if (problems.size() == before) {
                fields.add(new FieldDefinition(name, type, required, defaultValue, unique, map.get("options"), collection, onDelete,
                        pii, maskType, expression, returnType, encrypted));
            }
        }
        if (computed > MAX_COMPUTED) {
            problems.add(new FieldError("schema", "A collection may have at most " + MAX_COMPUTED + " computed fields", "too_many_computed_fields"));
        }
        return new Result(problems.isEmpty() ? List.copyOf(fields) : List.of(), problems);
    }

    /**
     * The rules of a schema update: every existing field is kept (names matched without regard to
     * case, keeping the stored spelling), no type changes, and the physical parts of a field
     * (reference target and action, encryption) stay as they are.
     *
     * @return the new list with existing fields under their stored names, or the problems
     */
    public static Result changes(List<FieldDefinition> existing, List<FieldDefinition> next) {
        List<FieldError> problems = new ArrayList<>();
        Map<String, FieldDefinition> old = existing.stream().collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), f -> f));
        Set<String> kept = next.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (FieldDefinition f : existing) {
            if (!kept.contains(f.name().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldError(f.name(), "Field deletion is not allowed for data safety", "field_deletion_not_allowed"));
            }
        }
        List<FieldDefinition> result = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            FieldDefinition f = next.get(i);
            FieldDefinition before = old.get(f.name().toLowerCase(Locale.ROOT));
            if (before == null) {
                result.add(f);
                continue;
            }
            String path = "schema[" + i + "]";
            if (before.type() != f.type()) {
                problems.add(new FieldError(path + ".type", "Type change from '" + before.type().wireName() + "' to '"
                        + f.type().wireName() + "' is not allowed for data safety", "type_change_not_allowed"));
            } else if (f.type() == FieldType.REFERENCE
                    && (!before.collection().equalsIgnoreCase(f.collection()) || before.onDelete() != f.onDelete())) {
                problems.add(new FieldError(path + ".collection", "The target and on_delete of reference field '" + before.name()
                        + "' cannot be changed", "reference_change_not_allowed"));
            }
            if (before.encrypted() != f.encrypted()) {
                problems.add(new FieldError(path + ".encrypted", "Encryption of field '" + before.name() + "' cannot be changed",
                        "encryption_change_not_allowed"));
            }
            result.add(new FieldDefinition(before.name(), f.type(), f.required(), f.defaultValue(), f.unique(), f.options(),
                    f.collection(), f.onDelete(), f.pii(), f.maskType(), f.expression(), f.returnType(), f.encrypted()));
        }
        return new Result(problems.isEmpty() ? List.copyOf(result) : List.of(), problems);
    }

    /** Whether a default has the JSON type and format a record value of the field's type needs. */
    static boolean defaultFits(FieldType type, Object value) {
        return switch (type) {
            case TEXT, EMAIL, URL, REFERENCE -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DATETIME -> value instanceof String s && parses(() -> OffsetDateTime.parse(s));
            case DATE -> value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}") && parses(() -> LocalDate.parse(s));
            case FILE -> value instanceof Map || value instanceof String;
            case JSON -> true;
            case COMPUTED -> false;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The properties of one field object, with a 422 naming the property for a value of the wrong JSON type. */
    private record Props(String path, Map<?, ?> map) {
        String text(String key) {
            Object v = map.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw Problems.shape(path + "." + key, "Input should be a valid string");
        }

        boolean bool(String key) {
            Object v = map.get(key);
            if (v == null || v instanceof Boolean) {
                return Boolean.TRUE.equals(v);
            }
            throw Problems.shape(path + "." + key, "Input should be a valid boolean");
        }
    }
}
