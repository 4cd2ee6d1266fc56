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
import java.time.Clock;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Wires the collection services and hands them to the resources and the registry (a
 * bundle-private service). It waits for both schemas: this bundle's ({@code collections},
 * {@code collection_rules}) and the auth bundle's, whose {@code accounts} table every collection
 * table references.
 */
@Component(service = RecordsServices.class)
public class RecordsServices {

    public final CollectionStore store;
    public final Collections collections;
    public final Transfer transfer;
    private final Runtime runtime;

    @Activate
    public RecordsServices(@Reference(target = "(snackbase.schema.module=io.snackbase.records)") SchemaModule schema,
            @Reference(target = "(snackbase.schema.module=io.snackbase.auth)") SchemaModule accounts,
            @Reference Mappers mappers, @Reference TransactionManager transactions, @Reference Database database) {
        this(new Runtime(), new CollectionStore(mappers, transactions, Dialect.of(database.kind()), Clock.systemUTC()));
    }

    private RecordsServices(Runtime runtime, CollectionStore store) {
        Wiring w = new Wiring(store, () -> runtime.hooks);
        this.store = w.store;
        this.collections = w.collections;
        this.transfer = w.transfer;
        this.runtime = runtime;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHookDispatcher(HookDispatcher dispatcher) {
        runtime.hooks = dispatcher;
    }

    void unsetHookDispatcher(HookDispatcher dispatcher) {
        runtime.clear(dispatcher);
    }

    /** What changes while the component lives: the optional hook dispatcher. */
    static final class Runtime {
        volatile HookDispatcher hooks;

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

        public Wiring(CollectionStore store, Supplier<HookDispatcher> hooks) {
            this.store = store;
            this.collections = new Collections(store, new Hooks(hooks));
            this.transfer = new Transfer(store, collections);
        }
    }
}
