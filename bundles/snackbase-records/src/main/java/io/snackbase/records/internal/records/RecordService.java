package io.snackbase.records.internal.records;

import io.snackbase.api.audit.AuditService;
import io.snackbase.api.audit.RecordChange;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.context.ApiKeyScopes;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.RuleDecision;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.records.RecordValues.Mode;
import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.records.internal.service.Schemas;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Record CRUD with the order of checks of domain.md §2.4. Every write is one transaction: before
 * hook, row, audit entries; the after hook runs after commit.
 */
public final class RecordService {

    private final CollectionStore collections;
    private final RecordStore store;
    private final RuleEngine rules;
    private final Supplier<AuditService> audit;
    private final Supplier<HookDispatcher> hooks;
    private final Clock clock;
    /** Called in each write's transaction after its audit entries: the outbox writers. */
    private volatile java.util.function.Consumer<io.snackbase.api.records.RecordWrite> written = w -> { };

    public RecordService(CollectionStore collections, RecordStore store, RuleEngine rules, Supplier<AuditService> audit,
            Supplier<HookDispatcher> hooks, Clock clock) {
        this.collections = collections;
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.hooks = hooks;
        this.clock = clock;
    }

    /** What encrypts the values of encrypted fields before they are stored. */
    private volatile FieldCipher cipher = FieldCipher.none();

    /** Sets the key of encrypted fields (none: their values cannot be written). */
    public void cipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** Sets the in-transaction write listeners (the {@code RecordWriteListener} whiteboard). */
    public void writeListeners(java.util.function.Consumer<io.snackbase.api.records.RecordWrite> listeners) {
        this.written = listeners;
    }

    /**
     * A list request's parsed parameters.
     *
     * @param cursor the {@code cursor} token ("" = first page), null when absent
     * @param cursorBefore the {@code cursor_before} token ("" = last page), null when absent
     * @param includeCount whether cursor mode computes {@code total}
     * @param expand the {@code expand} text, null when absent
     */
    public record ListQuery(int skip, int limit, List<RecordStore.Order> sort, String filter, Set<String> fields, String cursor,
            String cursorBefore, boolean includeCount, String expand) {

        public ListQuery(int skip, int limit, List<RecordStore.Order> sort, String filter, Set<String> fields) {
            this(skip, limit, sort, filter, fields, null, null, false, null);
        }

        boolean cursorMode() {
            return cursor != null || cursorBefore != null;
        }
    }

    /** @return the definition as stored now, for writes (they must enforce the current rules and fields) */
    public CollectionDefinition definition(String name) {
        var row = collections.byName(name);
        if (row == null || !row.name.equals(name)) {
            throw new ApiException(404, "Not found", "Collection '" + name + "' not found");
        }
        return Schemas.definition(row);
    }

    /** @return the definition for a read, possibly cached (see {@link CollectionStore#cachedDefinition}) */
    private CollectionDefinition readDefinition(String name) {
        CollectionDefinition def = collections.cachedDefinition(name);
        if (def == null || !def.name().equals(name)) {
            throw new ApiException(404, "Not found", "Collection '" + name + "' not found");
        }
        return def;
    }

    private DatabaseKind kind() {
        return switch (store.dialect()) {
            case SQLITE -> DatabaseKind.SQLITE;
            case POSTGRESQL -> DatabaseKind.POSTGRESQL;
            case MYSQL -> DatabaseKind.MYSQL;
        };
    }

    private static String scope(RequestContext ctx) {
        return ctx.principal().isSuperadmin() ? null : ctx.accountId();
    }

    private RuleDecision decide(CollectionDefinition def, RuleOperation op, FieldSchema schema, RequestContext ctx, Map<String, ?> data) {
        try {
            RuleDecision d = rules.decide(op, Access.rule(def, op), schema, kind(), ctx.principal(), data);
            Access.check(op, d);
            return d;
        } catch (RuleException e) {
            throw ApiException.badRequest("Invalid " + op.ruleKey() + ": " + e.getMessage());
        }
    }

    private static SqlFragment where(RuleDecision d) {
        return d.outcome() == RuleDecision.Outcome.FILTER ? d.where() : null;
    }

    private static Set<String> readList(CollectionDefinition def, RuleOperation op, RequestContext ctx) {
        return ctx.principal().isSuperadmin() ? null
                : Access.fieldList(op == RuleOperation.LIST ? def.rules().listFields() : def.rules().viewFields());
    }

    // ---- reads

    public Map<String, Object> get(String collection, String id, Set<String> fields, RequestContext ctx) {
        return get(collection, id, fields, null, ctx);
    }

    /** @param expand the {@code expand} text, null for none */
    public Map<String, Object> get(String collection, String id, Set<String> fields, String expand, RequestContext ctx) {
        CollectionDefinition def = readDefinition(collection);
        RuleDecision d = decide(def, RuleOperation.VIEW, Access.schema(def).withTableAlias(RecordStore.ALIAS), ctx, null);
        Map<String, Object> row = store.get(def, id, new RecordStore.Where(scope(ctx), where(d), null));
        if (row == null) {
            throw notFound();
        }
        Map<String, Expander.Node> tree = expandTree(def, expand);
        Map<String, Object> record = PiiMasks.apply(def, ctx.principal(),
                Access.project(RecordStore.toJson(def, row), readList(def, RuleOperation.VIEW, ctx), fields));
        if (!tree.isEmpty()) {
            record = new LinkedHashMap<>(record);
            Expander.expand(List.of(record), tree, store, viewer(ctx));
        }
        return record;
    }

    /**
     * {@code GET /records/{c}/{id}/secrets} (records.md §12): the plaintext of encrypted fields,
     * only for an account-bound API key with scope {@code records:secrets:read}. The key acts as
     * any caller of its account: account scope, the view rule (locked: 403; a row it hides: 404)
     * and {@code view_fields} apply. The answer is never cached here nor handed to hooks, write
     * listeners or the audit log.
     *
     * @param fields the {@code fields} parameter, null when absent
     * @return {@code {"data": {field: plaintext}}}
     */
    public Map<String, Object> secrets(String collection, String id, String fields, RequestContext ctx) {
        Principal who = ctx.principal();
        if (!who.isServiceKey() || !who.hasScope(ApiKeyScopes.RECORDS_SECRETS_READ)) {
            throw ApiException.forbidden("Revealing encrypted fields needs an account-bound API key with scope "
                    + ApiKeyScopes.RECORDS_SECRETS_READ);
        }
        CollectionDefinition def = readDefinition(collection);
        RuleDecision d = decide(def, RuleOperation.VIEW, Access.schema(def).withTableAlias(RecordStore.ALIAS), ctx, null);
        List<FieldDefinition> chosen = SecretFields.choose(def, fields, readList(def, RuleOperation.VIEW, ctx));
        Map<String, Object> row = store.get(def, id, new RecordStore.Where(scope(ctx), where(d), null));
        if (row == null) {
            throw notFound();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", SecretFields.reveal(def, chosen, row, cipher));
        return out;
    }

    private Map<String, Expander.Node> expandTree(CollectionDefinition def, String expand) {
        return Expander.parse(def, expand, name -> {
            var row = collections.byName(name);
            return row == null ? null : Schemas.definition(row);
        });
    }

    /** The caller's view of expanded collections: account scope plus view rule (null when denied), view_fields. */
    private Expander.Viewer viewer(RequestContext ctx) {
        return new Expander.Viewer() {
            @Override
            public RecordStore.Where scope(CollectionDefinition def) {
                try {
                    RuleDecision d = decide(def, RuleOperation.VIEW, Access.schema(def).withTableAlias(RecordStore.ALIAS), ctx, null);
                    return new RecordStore.Where(RecordService.scope(ctx), where(d), null);
                } catch (ApiException denied) {
                    return null;
                }
            }

            @Override
            public Set<String> fields(CollectionDefinition def) {
                return readList(def, RuleOperation.VIEW, ctx);
            }

            @Override
            public Principal principal() {
                return ctx.principal();
            }
        };
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> list(String collection, ListQuery q, RequestContext ctx) {
        CollectionDefinition def = readDefinition(collection);
        FieldSchema schema = Access.schema(def).withTableAlias(RecordStore.ALIAS);
        RuleDecision d = decide(def, RuleOperation.LIST, schema, ctx, null);
        SqlFragment filter;
        try {
            filter = rules.compileFilter(q.filter(), Computed.filterSchema(def, schema, store.computedSql(def)), kind()).orElse(null);
        } catch (RuleException e) {
            throw new ApiException(400, "Invalid filter expression", e.getMessage());
        }
        for (RecordStore.Order o : q.sort()) {
            FieldDefinition f = def.field(o.column()).orElse(null);
            boolean sortable = Access.SYSTEM.contains(o.column()) && !o.column().equals("account_id")
                    || f != null && f.name().equals(o.column()) && !f.encrypted();
            if (!sortable) {
                throw new ApiException(400, "Invalid sort field", "Field '" + o.column() + "' cannot be used for sorting. Sortable fields: "
                        + String.join(", ", sortable(def)));
            }
        }
        List<RecordStore.Order> sort = q.sort().isEmpty() ? List.of(new RecordStore.Order("created_at", true)) : q.sort();
        RecordStore.Where where = new RecordStore.Where(scope(ctx), where(d), filter);
        Set<String> allowed = readList(def, RuleOperation.LIST, ctx);
        Map<String, Expander.Node> tree = expandTree(def, q.expand());
        if (q.cursorMode()) {
            Map<String, Object> out = cursorPage(def, where, sort, q, allowed, ctx.principal());
            expand((List<Map<String, Object>>) out.get("items"), tree, ctx);
            return out;
        }
        List<Map<String, Object>> rows = store.list(def, where, sort, q.skip(), q.limit());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            items.add(PiiMasks.apply(def, ctx.principal(), Access.project(RecordStore.toJson(def, row), allowed, q.fields())));
        }
        expand(items, tree, ctx);
        long total = store.count(def, where);
        boolean more = q.skip() + (long) rows.size() < total;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", total);
        out.put("skip", q.skip());
        out.put("limit", q.limit());
        // superset (records.md §4): a token to continue with cursor paging, when the sort allows it
        boolean keyset = Cursors.supported(def, sort);
        out.put("next_cursor", more && keyset && !rows.isEmpty() ? Cursors.encode(def, sort, rows.get(rows.size() - 1)) : null);
        out.put("has_more", more);
        return out;
    }

    /**
     * Keyset paging on (sort fields, id) in the sort order; {@code cursor_before} reads backwards
     * and returns the nearest rows in the normal order. {@code next_cursor} is null when nothing
     * follows the page, {@code prev_cursor} when nothing precedes it.
     */
    private Map<String, Object> cursorPage(CollectionDefinition def, RecordStore.Where where, List<RecordStore.Order> sort, ListQuery q,
            Set<String> allowed, io.snackbase.api.context.Principal principal) {
        if (q.cursor() != null && q.cursorBefore() != null) {
            throw new ApiException(400, "Invalid pagination parameters", "Cannot specify both 'cursor' and 'cursor_before'");
        }
        if (!Cursors.supported(def, sort)) {
            throw new ApiException(400, "Invalid pagination parameters", "Cursor pagination cannot sort by json, file or encrypted fields");
        }
        boolean backward = q.cursorBefore() != null;
        String param = backward ? "cursor_before" : "cursor";
        Cursors.Key key = Cursors.decode(def, sort, backward ? q.cursorBefore() : q.cursor(), param);
        List<Map<String, Object>> rows = new ArrayList<>(keyset(def, where, sort, key, !backward, q.limit() + 1, param));
        boolean more = rows.size() > q.limit();
        if (more) {
            rows = new ArrayList<>(rows.subList(0, q.limit()));
        }
        if (backward) {
            java.util.Collections.reverse(rows);
        }
        String next = null;
        String prev = null;
        if (!rows.isEmpty()) {
            String first = Cursors.encode(def, sort, rows.get(0));
            String last = Cursors.encode(def, sort, rows.get(rows.size() - 1));
            // the far side is a LIMIT 1 probe, so that the first page has no prev and the last no next
            boolean after = backward ? !keyset(def, where, sort, Cursors.decode(def, sort, last, param), true, 1, param).isEmpty() : more;
            boolean before = backward ? more : !keyset(def, where, sort, Cursors.decode(def, sort, first, param), false, 1, param).isEmpty();
            next = after ? last : null;
            prev = before ? first : null;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            items.add(PiiMasks.apply(def, principal, Access.project(RecordStore.toJson(def, row), allowed, q.fields())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("next_cursor", next);
        out.put("prev_cursor", prev);
        out.put("has_more", more);
        out.put("total", q.includeCount() ? (Object) store.count(def, where) : null);
        return out;
    }

    /**
     * A keyset read. A token whose value the database cannot compare with a computed sort field
     * (one whose expression does not give its declared {@code return_type}) is a bad token, not a
     * server fault.
     */
    private List<Map<String, Object>> keyset(CollectionDefinition def, RecordStore.Where where, List<RecordStore.Order> sort,
            Cursors.Key key, boolean forward, int limit, String param) {
        try {
            return store.keyset(def, where, sort, key, forward, limit);
        } catch (RuntimeException e) {
            boolean computedSort = sort.stream().anyMatch(o -> def.field(o.column()).map(FieldDefinition::isVirtual).orElse(false));
            if (key != null && computedSort && io.snackbase.records.internal.core.Problems.isDataError(e)) {
                throw Cursors.invalid(param);
            }
            throw e;
        }
    }

    /**
     * {@code GET /records/{c}/aggregate}: the list rule, account scope and filter, then the
     * aggregates (domain.md §2.4). Fields outside {@code list_fields} cannot be aggregated or grouped.
     *
     * @return {@code {results, total_groups}}
     */
    public Map<String, Object> aggregate(String collection, String functions, String groupBy, String filterText, String having,
            RequestContext ctx) {
        var row = collections.byName(collection);
        if (row == null || !row.name.equals(collection)) {
            throw new ApiException(404, "Collection not found", "Collection '" + collection + "' does not exist");
        }
        CollectionDefinition def = Schemas.definition(row);
        FieldSchema schema = Access.schema(def).withTableAlias(RecordStore.ALIAS);
        RuleDecision d = decide(def, RuleOperation.LIST, schema, ctx, null);
        Set<String> readable = readList(def, RuleOperation.LIST, ctx);
        Map<String, SqlFragment> computed = store.computedSql(def);
        List<Aggregates.Fn> fns = Aggregates.functions(def, functions, readable);
        List<String> groups = Aggregates.groupBy(def, groupBy, readable, fns);
        SqlFragment filter;
        try {
            filter = rules.compileFilter(filterText, Computed.filterSchema(def, schema, computed), kind()).orElse(null);
        } catch (RuleException e) {
            throw new ApiException(400, "Invalid filter expression", e.getMessage());
        }
        Sql sql = Aggregates.statement(def, fns, groups, new RecordStore.Where(scope(ctx), where(d), filter), having, store.dialect(),
                computed);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> r : store.query(sql)) {
            results.add(Aggregates.result(def, fns, groups, r));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("total_groups", results.size());
        return out;
    }

    private void expand(List<Map<String, Object>> items, Map<String, Expander.Node> tree, RequestContext ctx) {
        if (!tree.isEmpty()) {
            items.replaceAll(LinkedHashMap::new);
            Expander.expand(items, tree, store, viewer(ctx));
        }
    }

    private static List<String> sortable(CollectionDefinition def) {
        List<String> names = new ArrayList<>(List.of("id", "created_at", "created_by", "updated_at", "updated_by"));
        def.fields().stream().filter(f -> !f.encrypted()).forEach(f -> names.add(f.name()));
        return names;
    }

    // ---- writes

    public Map<String, Object> create(String collection, Map<String, Object> input, RequestContext ctx) {
        CollectionDefinition def = definition(collection);
        Principal who = ctx.principal();
        Map<String, Object> body = new LinkedHashMap<>(input == null ? Map.of() : input);
        String account = ctx.accountId();
        if (who.isSuperadmin() && body.containsKey("account_id")) {
            Object target = body.remove("account_id");
            if (!(target instanceof String t) || !store.accountExists(t)) {
                throw validation(List.of(new FieldError("account_id", "Account '" + target + "' not found", "invalid_account")));
            }
            account = t;
        }
        RuleDecision d = decide(def, RuleOperation.CREATE, Access.schema(def), ctx, body);
        if (d.outcome() == RuleDecision.Outcome.FILTER && !payloadMatches(def, body, ctx, account)) {
            throw ApiException.badRequest("Record does not satisfy collection rules");
        }
        Access.noSystemFields(body, "create");
        if (!who.isSuperadmin()) {
            Access.allowedFields(body, Access.fieldList(def.rules().createFields()), "create");
        }
        String targetAccount = account;
        Map<String, Object> columns = validate(def, body, Mode.CREATE, targetAccount);
        String id = UUID.randomUUID().toString();
        Map<String, Object> created = collections.inRetriedTransaction(() -> {
            Map<String, Object> values = before(HookEvents.ON_RECORD_BEFORE_CREATE, def, body, null, ctx, columns, Mode.CREATE, targetAccount);
            long now = RecordValues.micros(clock.instant());
            String user = who.userId() == null ? "anonymous" : who.userId();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("account_id", targetAccount);
            row.put("created_at", now);
            row.put("updated_at", now);
            row.put("created_by", user);
            row.put("updated_by", user);
            row.putAll(values);
            store.insert(def, row);
            Map<String, Object> record = RecordStore.toJson(def, store.get(def, id, new RecordStore.Where(null, null, null)));
            audited(RecordChange.created(def.tableName(), id, targetAccount, auditValues(def, record)), ctx);
            written.accept(new RecordWrite(RecordWrite.Kind.CREATE, def.name(), targetAccount, id, record, null, ctx));
            return record;
        });
        collections.afterCommit(() -> after(HookEvents.ON_RECORD_AFTER_CREATE, def, created, null, ctx));
        return PiiMasks.apply(def, ctx.principal(), Access.project(created, readList(def, RuleOperation.VIEW, ctx), null));
    }

    public Map<String, Object> update(String collection, String id, Map<String, Object> input, Mode mode, RequestContext ctx) {
        CollectionDefinition def = definition(collection);
        Map<String, Object> body = new LinkedHashMap<>(input == null ? Map.of() : input);
        String scope = scope(ctx);
        Map<String, Object> current = store.get(def, id, new RecordStore.Where(scope, null, null));
        if (current == null) {
            throw notFound();
        }
        RuleDecision d = decide(def, RuleOperation.UPDATE, Access.schema(def), ctx, body);
        Access.noSystemFields(body, "update");
        if (!ctx.principal().isSuperadmin()) {
            Access.allowedFields(body, Access.fieldList(def.rules().updateFields()), "update");
        }
        String account = (String) current.get("account_id");
        Map<String, Object> columns = validate(def, body, mode, account);
        Map<String, Object> previous = RecordStore.toJson(def, current);
        Map<String, Object> updated = collections.inRetriedTransaction(() -> {
            Map<String, Object> values = before(HookEvents.ON_RECORD_BEFORE_UPDATE, def, body, previous, ctx, columns, mode, account);
            Map<String, Object> set = new LinkedHashMap<>(values);
            set.put("updated_at", RecordValues.micros(clock.instant()));
            set.put("updated_by", ctx.principal().userId() == null ? "anonymous" : ctx.principal().userId());
            if (store.update(def, id, scope, where(d), set) == 0) {
                throw notFound();
            }
            Map<String, Object> record = RecordStore.toJson(def, store.get(def, id, new RecordStore.Where(null, null, null)));
            audited(RecordChange.updated(def.tableName(), id, account, auditValues(def, previous), auditValues(def, record)), ctx);
            written.accept(new RecordWrite(RecordWrite.Kind.UPDATE, def.name(), account, id, record, previous, ctx));
            return record;
        });
        collections.afterCommit(() -> after(HookEvents.ON_RECORD_AFTER_UPDATE, def, updated, previous, ctx));
        return PiiMasks.apply(def, ctx.principal(), Access.project(updated, readList(def, RuleOperation.VIEW, ctx), null));
    }

    /**
     * Locks the caller's rows of those ids, in id order, in the current transaction: a batch
     * update or delete takes all its row locks before it writes, so that batches and single writes
     * never wait on each other in a circle (see {@link RecordStore#lock}). Ids that are not the caller's are skipped (they answer 404 later).
     */
    public void lockRows(String collection, java.util.Collection<String> ids, RequestContext ctx) {
        store.lock(definition(collection), ids, scope(ctx));
    }

    public void delete(String collection, String id, RequestContext ctx) {
        CollectionDefinition def = definition(collection);
        String scope = scope(ctx);
        Map<String, Object> current = store.get(def, id, new RecordStore.Where(scope, null, null));
        if (current == null) {
            throw notFound();
        }
        RuleDecision d = decide(def, RuleOperation.DELETE, Access.schema(def), ctx, null);
        Map<String, Object> previous = RecordStore.toJson(def, current);
        collections.inRetriedTransaction(() -> {
            before(HookEvents.ON_RECORD_BEFORE_DELETE, def, previous, null, ctx, null, null, null);
            int deleted;
            try {
                deleted = store.delete(def, id, scope, where(d));
            } catch (RuntimeException e) {
                if (io.snackbase.records.internal.core.Problems.isConstraintViolation(e)) {
                    throw ApiException.conflict("Cannot delete record: it is referenced by other records", "id");
                }
                throw e;
            }
            if (deleted == 0) {
                throw notFound();
            }
            audited(RecordChange.deleted(def.tableName(), id, (String) current.get("account_id"), auditValues(def, previous)), ctx);
            written.accept(new RecordWrite(RecordWrite.Kind.DELETE, def.name(), (String) current.get("account_id"), id, null,
                    previous, ctx));
            return null;
        });
        collections.afterCommit(() -> after(HookEvents.ON_RECORD_AFTER_DELETE, def, previous, null, ctx));
    }

    // ---- helpers

    /** The create rule tested in memory against the record the body would make (same meaning as the SQL). */
    private boolean payloadMatches(CollectionDefinition def, Map<String, Object> body, RequestContext ctx, String account) {
        Map<String, Object> record = new HashMap<>();
        body.forEach((k, v) -> {
            FieldDefinition f = def.field(k).orElse(null);
            Object value = v;
            if (f != null && f.type() == FieldType.DATETIME && v instanceof String s && RecordValues.instant(s) != null) {
                value = RecordValues.instant(s);
            }
            record.put(f == null ? k : f.name(), value);
        });
        String user = ctx.principal().userId() == null ? "anonymous" : ctx.principal().userId();
        record.put("account_id", account);
        record.put("created_by", user);
        record.put("updated_by", user);
        try {
            return rules.condition(Access.rule(def, RuleOperation.CREATE)).matches(record, ctx.principal(), body);
        } catch (RuleException e) {
            return false;
        }
    }

    private Map<String, Object> validate(CollectionDefinition def, Map<String, Object> body, Mode mode, String account) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> columns = RecordValues.columns(def, body, mode, errors);
        for (FieldDefinition f : def.fields()) {
            Object id = columns.get(f.name());
            if (f.type() == FieldType.REFERENCE && id instanceof String ref && f.collection() != null) {
                var target = collections.byName(f.collection());
                if (target == null || !store.exists(target.tableName, ref, account)) {
                    errors.add(new FieldError(f.name(), "Referenced record '" + ref + "' not found in collection '" + f.collection() + "'",
                            "invalid_reference"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw validation(errors);
        }
        cipher.encryptColumns(def, columns);
        return columns;
    }

    static ApiException validation(List<FieldError> errors) {
        String message = "Validation failed: " + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ApiException(400, "Validation error", message, Map.of("details", List.copyOf(errors)));
    }

    static ApiException notFound() {
        return new ApiException(404, "Not found", "Record not found");
    }

    /** Runs the before hook; data it returns under {@code record} replaces the body and is validated again. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> before(String event, CollectionDefinition def, Map<String, Object> body, Map<String, Object> previous,
            RequestContext ctx, Map<String, Object> columns, Mode mode, String account) {
        HookDispatcher dispatcher = hooks.get();
        if (dispatcher == null || !dispatcher.hasHandlers(event, def.name())) {
            return columns;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("record", body);
        if (previous != null) {
            data.put("previous", previous);
        }
        HookDispatchResult result = dispatcher.dispatch(new HookEvent(event, def.name(), data), new HookContext(ctx));
        if (result.aborted()) {
            int status = result.abortStatus() >= 400 && result.abortStatus() <= 599 ? result.abortStatus() : 400;
            throw new ApiException(status, "Aborted", result.abortMessage() == null ? "Aborted by a hook" : result.abortMessage());
        }
        Object changed = result.data().get("record");
        if (columns == null || !(changed instanceof Map<?, ?> m) || m.equals(body)) {
            return columns;
        }
        Map<String, Object> replaced = new LinkedHashMap<>((Map<String, Object>) m);
        Access.noSystemFields(replaced, mode == Mode.CREATE ? "create" : "update");
        return validate(def, replaced, mode, account);
    }

    private void after(String event, CollectionDefinition def, Map<String, Object> record, Map<String, Object> previous, RequestContext ctx) {
        HookDispatcher dispatcher = hooks.get();
        if (dispatcher == null || !dispatcher.hasHandlers(event, def.name())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("record", record);
        if (previous != null) {
            data.put("previous", previous);
        }
        try {
            dispatcher.dispatch(new HookEvent(event, def.name(), data), new HookContext(ctx));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RecordService.class).warn("{} handler failed after commit: {}", event, e.toString());
        }
    }

    private void audited(RecordChange change, RequestContext ctx) {
        AuditService service = audit.get();
        if (service != null && service.enabled()) {
            service.recordChange(change, ctx);
        }
    }

    /** The audited columns: the record without {@code account_name} and computed fields (not columns). */
    private static Map<String, Object> auditValues(CollectionDefinition def, Map<String, Object> record) {
        Map<String, Object> values = new LinkedHashMap<>(record);
        values.remove("account_name");
        def.fields().stream().filter(FieldDefinition::isVirtual).forEach(f -> values.remove(f.name()));
        return values;
    }
}
