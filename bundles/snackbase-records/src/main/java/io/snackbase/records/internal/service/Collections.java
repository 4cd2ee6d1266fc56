package io.snackbase.records.internal.service;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.records.internal.core.ComputedExpressions;
import io.snackbase.records.internal.core.Names;
import io.snackbase.records.internal.core.Problems;
import io.snackbase.records.internal.core.SchemaValidator;
import io.snackbase.records.internal.store.CollectionRow;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Creates, changes and deletes collections: the definition row, the rules row and the physical
 * table, in an order that leaves a consistent state whichever step fails. On PostgreSQL and SQLite
 * all of it is one transaction. On MariaDB, where DDL commits by itself, the DDL runs first and the
 * definition is written last; a failure after DDL ran is compensated by the reverse DDL.
 */
public final class Collections {

    private final CollectionStore store;
    private final Hooks hooks;
    private final RuleEngine rules;

    public Collections(CollectionStore store, Hooks hooks) {
        this(store, hooks, null);
    }

    /** @param rules the parser of computed-field expressions; null skips that check (tests of the DDL only) */
    public Collections(CollectionStore store, Hooks hooks, RuleEngine rules) {
        this.store = store;
        this.hooks = hooks;
        this.rules = rules;
    }

    /** Names unknown functions and fields first (the token check); compiling finds what is left. */
    private List<FieldError> expressions(SchemaValidator.Result fields) {
        if (rules == null || !fields.valid()) {
            return List.of();
        }
        List<FieldError> found = ComputedExpressions.check(fields.fields(), rules);
        return found.isEmpty() ? io.snackbase.records.internal.records.Computed.check(rules, fields.fields()) : found;
    }

    /** @return the collection of an id; 404 otherwise */
    public CollectionRow require(String id) {
        CollectionRow row = id == null ? null : store.collections.findById(id);
        if (row == null) {
            throw Problems.notFound(id);
        }
        return row;
    }

    /** @return the rows of a table, all accounts together */
    public long count(CollectionDefinition c) {
        return store.tables.count(store.quoted(c.tableName()));
    }

    /**
     * Creates a collection with its table and rules.
     *
     * @param body the rule and field-list keys (absent: locked, {@code "*"})
     * @throws ApiException 400 validation, 409 taken name, or a before-hook's abort
     */
    public CollectionDefinition create(String name, Object rawFields, Map<String, ?> body, RequestContext context) {
        List<FieldError> problems = new ArrayList<>(SchemaValidator.checkName(name));
        SchemaValidator.Result fields = SchemaValidator.fields(rawFields, exists(), name);
        problems.addAll(fields.problems());
        problems.addAll(expressions(fields));
        if (!problems.isEmpty()) {
            throw Problems.validation("Validation failed", problems);
        }
        if (store.byName(name) != null) {
            throw Problems.exists(name);
        }
        long now = store.now();
        CollectionRow row = new CollectionRow();
        row.id = UUID.randomUUID().toString();
        row.name = name;
        row.nameKey = name.toLowerCase(Locale.ROOT);
        row.tableName = Names.table(name);
        row.schemaJson = Schemas.encode(fields.fields());
        row.createdAt = now;
        row.updatedAt = now;
        Rules.defaults(row);
        Rules.apply(body, row);

        List<String> statements = store.ddl.create(row.tableName, fields.fields(), target -> target.equalsIgnoreCase(name)
                ? row.tableName : store.byName(target).tableName);
        DdlSteps ddl = new DdlSteps(store).add(List.of(statements.get(0)), List.of(store.ddl.dropTable(row.tableName)));
        for (String index : statements.subList(1, statements.size())) {
            ddl.add(List.of(index), List.of());
        }
        try {
            store.inTransaction(() -> {
                hooks.before(HookEvents.ON_COLLECTION_BEFORE_CREATE, name, event(row, fields.fields()), context);
                ddl.run();
                store.collections.insert(row);
                store.collections.insertRules(UUID.randomUUID().toString(), row);
                return null;
            });
        } catch (RuntimeException e) {
            ddl.compensate();
            if (e instanceof ApiException) {
                throw e;
            }
            if (store.byName(name) != null) {
                throw Problems.exists(name);
            }
            if (tableExists(row.tableName)) {
                throw ApiException.conflict("Table '" + row.tableName + "' already exists", "name");
            }
            throw e;
        }
        CollectionDefinition created = Schemas.definition(store.collections.findById(row.id));
        hooks.after(HookEvents.ON_COLLECTION_AFTER_CREATE, name, Views.collection(created, 0), context);
        return created;
    }

    /**
     * Replaces the field list: new fields become nullable columns (existing rows get the default,
     * when one is given); {@code unique} switched on or off adds or drops the index; rule keys
     * present in the body are applied.
     *
     * @param rulesOnly false to leave the rules as they are whatever the body holds
     * @throws ApiException 404, 400 (validation, removal, type change), 409 (existing duplicates
     *     refuse a new unique index), or a before-hook's abort
     */
    public CollectionDefinition update(String id, Object rawFields, Map<String, ?> body, boolean applyRules, RequestContext context) {
        CollectionRow row = require(id);
        List<FieldDefinition> existing = Schemas.decode(row.schemaJson);
        SchemaValidator.Result fields = SchemaValidator.fields(rawFields, exists(), row.name);
        if (!fields.valid()) {
            throw Problems.validation("Schema validation failed", fields.problems());
        }
        List<FieldError> expressionProblems = expressions(fields);
        if (!expressionProblems.isEmpty()) {
            throw Problems.validation("Schema validation failed", expressionProblems);
        }
        SchemaValidator.Result changed = SchemaValidator.changes(existing, fields.fields());
        if (!changed.valid()) {
            throw Problems.validation("Schema validation failed", changed.problems());
        }
        List<FieldDefinition> next = changed.fields();
        Map<String, FieldDefinition> before = new LinkedHashMap<>();
        existing.forEach(f -> before.put(f.name().toLowerCase(Locale.ROOT), f));

        String table = row.tableName;
        DdlSteps ddl = new DdlSteps(store);
        List<FieldDefinition> added = new ArrayList<>();
        for (FieldDefinition f : next) {
            FieldDefinition old = before.get(f.name().toLowerCase(Locale.ROOT));
            if (old == null && !f.isVirtual()) {
                String target = f.type() == FieldType.REFERENCE
                        ? (f.collection().equalsIgnoreCase(row.name) ? table : store.byName(f.collection()).tableName) : null;
                ddl.add(List.of(store.ddl.addColumn(table, f, target)), store.ddl.dropColumn(table, f));
                if (f.type() == FieldType.REFERENCE) {
                    ddl.add(List.of(store.ddl.createReferenceIndex(table, f)), List.of(store.ddl.dropReferenceIndex(table, f)));
                }
                if (f.unique()) {
                    ddl.add(List.of(store.ddl.createUnique(table, f)), List.of(store.ddl.dropUnique(table, f)));
                }
                added.add(f);
            } else if (old != null && !f.isVirtual() && f.unique() != old.unique()) {
                String create = store.ddl.createUnique(table, f);
                String drop = store.ddl.dropUnique(table, f);
                ddl.add(List.of(f.unique() ? create : drop), List.of(f.unique() ? drop : create));
            }
        }
        row.schemaJson = Schemas.encode(next);
        row.updatedAt = Math.max(store.now(), row.updatedAt + 1);
        if (applyRules) {
            Rules.apply(body, row);
        }
        try {
            store.inTransaction(() -> {
                hooks.before(HookEvents.ON_COLLECTION_BEFORE_UPDATE, row.name, event(row, next), context);
                ddl.run();
                for (FieldDefinition f : added) {
                    fillDefault(table, f);
                }
                store.collections.updateSchema(row);
                store.collections.updateRules(row);
                return null;
            });
        } catch (RuntimeException e) {
            ddl.compensate();
            if (Problems.isConstraintViolation(e)) {
                throw ApiException.conflict("A unique field cannot be added: existing records of one account share a value", "schema");
            }
            throw e;
        }
        CollectionDefinition updated = Schemas.definition(store.collections.findById(row.id));
        hooks.after(HookEvents.ON_COLLECTION_AFTER_UPDATE, row.name, Views.collection(updated, count(updated)), context);
        return updated;
    }

    /** What a deletion removed. */
    public record Deleted(CollectionDefinition collection, long records) {}

    /**
     * Drops the table and the definition. Refused (409) while another collection's reference field
     * points at this one: its foreign key would block the drop, or dangle.
     */
    public Deleted delete(String id, RequestContext context) {
        CollectionRow row = require(id);
        CollectionDefinition c = Schemas.definition(row);
        List<String> referencing = store.collections.all().stream().filter(other -> !other.id.equals(row.id))
                .filter(other -> Schemas.decode(other.schemaJson).stream()
                        .anyMatch(f -> f.type() == FieldType.REFERENCE && f.collection().equalsIgnoreCase(row.name)))
                .map(other -> other.name).toList();
        if (!referencing.isEmpty()) {
            throw ApiException.conflict("Collection '" + row.name + "' is referenced by: " + String.join(", ", referencing), "collection_id");
        }
        long records = count(c);
        try {
            store.inTransaction(() -> {
                hooks.before(HookEvents.ON_COLLECTION_BEFORE_DELETE, row.name, Views.collection(c, records), context);
                // the definition goes first: on MariaDB the DROP commits the delete, and a failed DROP is compensated below
                store.collections.delete(row.id);
                store.tables.execute(store.ddl.dropTable(row.tableName));
                return null;
            });
        } catch (RuntimeException e) {
            if (store.dialect().ddlAutoCommits() && store.collections.findById(row.id) == null && tableExists(row.tableName)) {
                store.inTransaction(() -> {
                    store.collections.insert(row);
                    store.collections.insertRules(UUID.randomUUID().toString(), row);
                    return null;
                });
            }
            if (e instanceof ApiException) {
                throw e;
            }
            throw new ApiException(500, "Deletion Failed", "Collection '" + row.name + "' could not be deleted");
        }
        hooks.after(HookEvents.ON_COLLECTION_AFTER_DELETE, row.name, Views.collection(c, records), context);
        return new Deleted(c, records);
    }

    /** @return whether a collection of a name (any case) exists */
    public Predicate<String> exists() {
        return n -> store.byName(n) != null;
    }

    /** Gives the rows that exist the default of a new column; the value is bound, never part of the SQL. */
    private void fillDefault(String table, FieldDefinition f) {
        if (f.defaultValue() == null) {
            return;
        }
        Object value = switch (f.type()) {
            case NUMBER -> ((Number) f.defaultValue()).doubleValue();
            case DATETIME -> ChronoUnit.MICROS.between(java.time.Instant.EPOCH, OffsetDateTime.parse((String) f.defaultValue()).toInstant());
            case JSON -> Schemas.json(f.defaultValue());
            case FILE -> f.defaultValue() instanceof String s ? s : Schemas.json(f.defaultValue());
            default -> f.defaultValue();
        };
        boolean jsonb = f.type() == FieldType.JSON && store.dialect() == io.snackbase.records.internal.core.Dialect.POSTGRESQL;
        store.tables.fill(store.quoted(table), store.ddl.dialect().quote(f.name()), value, jsonb ? "CAST(" : "", jsonb ? " AS JSONB)" : "");
    }

    private boolean tableExists(String table) {
        try {
            store.tables.count(store.quoted(table));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> event(CollectionRow row, List<FieldDefinition> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        m.put("name", row.name);
        m.put("table_name", row.tableName);
        m.put("schema", Schemas.wire(fields));
        m.putAll(Schemas.wire(Schemas.rules(row)));
        return m;
    }
}
