package io.snackbase.records.internal;

import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.storage.Database;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.records.internal.core.Dialect;
import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.records.internal.service.Collections;
import io.snackbase.records.internal.service.Hooks;
import io.snackbase.records.internal.service.Transfer;
import io.snackbase.api.audit.AuditService;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.records.internal.store.RecordMapper;
import java.time.Clock;
import java.util.function.Supplier;
import io.snackbase.api.records.RecordWriteListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Wires the collection services and hands them to the resources and the registry (a
 * bundle-private service). It waits for both schemas: this bundle's ({@code collections},
 * {@code collection_rules}) and the auth bundle's, whose {@code accounts} table every collection
 * table references.
 */
@Component(service = RecordsServices.class, configurationPid = RecordsServices.PID)
@Designate(ocd = RecordsServices.Config.class)
public class RecordsServices {

    static final String PID = "io.snackbase.records";

    @ObjectClassDefinition(name = "SnackBase records", description = "Collections and their records.")
    public @interface Config {
        @AttributeDefinition(name = "Definition cache (ms)", min = "0",
                description = "How long list and get requests reuse a collection's fields and rules without reading them again "
                        + "(0: read on every request). Changes made through this instance take effect at once; changes made "
                        + "through another instance sharing the database take effect within this time for reads, and at once "
                        + "for writes, which always read the current definition.")
        long definitionCacheMs() default CollectionStore.DEFAULT_DEFINITION_CACHE_MS;

        @AttributeDefinition(name = "List total cache (ms)", min = "0",
                description = "How long the total of a list page (an exact COUNT over every matching row) is reused for the same "
                        + "collection, account, rule and filter (0: count on every request). Record writes through this instance "
                        + "take effect at once; writes through another instance sharing the database show in totals within this time.")
        long countCacheMs() default io.snackbase.records.internal.records.RecordCounts.DEFAULT_COUNT_CACHE_MS;
    }

    public final CollectionStore store;
    public final Collections collections;
    public final Transfer transfer;
    public final io.snackbase.records.internal.records.RecordService records;
    public final io.snackbase.records.internal.service.RuleSettings ruleSettings;
    private final Runtime runtime;

    @Activate
    public RecordsServices(@Reference(target = "(snackbase.schema.module=io.snackbase.records)") SchemaModule schema,
            @Reference(target = "(snackbase.schema.module=io.snackbase.auth)") SchemaModule accounts,
            @Reference Mappers mappers, @Reference TransactionManager transactions, @Reference Database database,
            @Reference RuleEngine rules, Config config) {
        this(new Runtime(), new CollectionStore(mappers, transactions, Dialect.of(database.kind()), Clock.systemUTC(),
                config.definitionCacheMs()), mappers.mapper(RecordMapper.class), rules, config.countCacheMs());
    }

    private RecordsServices(Runtime runtime, CollectionStore store, RecordMapper records, RuleEngine rules, long countCacheMs) {
        Wiring w = new Wiring(store, () -> runtime.hooks, records, rules, () -> runtime.audit, countCacheMs);
        this.store = w.store;
        this.collections = w.collections;
        this.transfer = w.transfer;
        this.records = w.records;
        this.ruleSettings = w.ruleSettings;
        this.runtime = runtime;
        if (this.records != null) {
            this.records.writeListeners(runtime.writeListeners);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setAuditService(AuditService audit) {
        runtime.audit = audit;
    }

    void unsetAuditService(AuditService audit) {
        runtime.clearAudit(audit);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRecordWriteListener(RecordWriteListener listener, ServiceReference<RecordWriteListener> ref) {
        runtime.writeListeners.add(ref, listener);
    }

    void removeRecordWriteListener(RecordWriteListener listener, ServiceReference<RecordWriteListener> ref) {
        runtime.writeListeners.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHookDispatcher(HookDispatcher dispatcher) {
        runtime.hooks = dispatcher;
    }

    void unsetHookDispatcher(HookDispatcher dispatcher) {
        runtime.clear(dispatcher);
    }

    /** What changes while the component lives: the optional hook dispatcher, audit service and write listeners. */
    static final class Runtime {
        volatile HookDispatcher hooks;
        volatile AuditService audit;
        final io.snackbase.records.internal.records.WriteListeners writeListeners = new io.snackbase.records.internal.records.WriteListeners();

        synchronized void clearAudit(AuditService gone) {
            if (audit == gone) {
                audit = null;
            }
        }

        synchronized void clear(HookDispatcher gone) {
            if (hooks == gone) {
                hooks = null;
            }
        }
    }

    /** The object graph, built the same way by the component and by the tests. */
    public static final class Wiring {
        public final CollectionStore store;
        public final Collections collections;
        public final Transfer transfer;
        public final io.snackbase.records.internal.records.RecordService records;
        /** {@code /collections/{name}/rules}; null without a rule engine. */
        public final io.snackbase.records.internal.service.RuleSettings ruleSettings;

        /** The graph with list totals counted on every request (the tests' default). */
        public Wiring(CollectionStore store, Supplier<HookDispatcher> hooks, RecordMapper recordMapper, RuleEngine rules,
                Supplier<AuditService> audit) {
            this(store, hooks, recordMapper, rules, audit, 0);
        }

        /** @param countCacheMs how long list totals are reused (see {@link io.snackbase.records.internal.records.RecordCounts}) */
        public Wiring(CollectionStore store, Supplier<HookDispatcher> hooks, RecordMapper recordMapper, RuleEngine rules,
                Supplier<AuditService> audit, long countCacheMs) {
            this.store = store;
            this.collections = new Collections(store, new Hooks(hooks), rules);
            this.ruleSettings = rules == null ? null : new io.snackbase.records.internal.service.RuleSettings(store,
                    store.rules, rules, new Hooks(hooks));
            this.transfer = new Transfer(store, collections);
            io.snackbase.records.internal.records.RecordStore recordStore = recordMapper == null ? null
                    : new io.snackbase.records.internal.records.RecordStore(recordMapper, store.dialect(),
                            new io.snackbase.records.internal.records.RecordCounts(countCacheMs, store));
            if (recordStore != null) {
                recordStore.computed(new io.snackbase.records.internal.records.Computed(rules, store.dialect())::fragments);
            }
            this.records = recordStore == null ? null
                    : new io.snackbase.records.internal.records.RecordService(store, recordStore, rules, audit, hooks, Clock.systemUTC());
        }

        public Wiring(CollectionStore store, Supplier<HookDispatcher> hooks) {
            this(store, hooks, null, null, () -> null);
        }
    }
}
