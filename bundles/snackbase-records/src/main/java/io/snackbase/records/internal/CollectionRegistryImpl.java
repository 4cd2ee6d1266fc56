package io.snackbase.records.internal;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.CollectionRegistry;
import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.records.internal.service.Schemas;
import io.snackbase.records.internal.store.CollectionRow;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The default {@link CollectionRegistry}: reads the definition from the database on every call (one
 * indexed query), so that no instance sharing the database ever serves a stale definition.
 */
@Component(property = "snackbase.impl=default")
@ServiceRanking(0)
public class CollectionRegistryImpl implements CollectionRegistry {

    private final CollectionStore store;

    @Activate
    public CollectionRegistryImpl(@Reference RecordsServices services) {
        this(services.store);
    }

    public CollectionRegistryImpl(CollectionStore store) {
        this.store = store;
    }

    @Override
    public Optional<CollectionDefinition> byName(String name) {
        return Optional.ofNullable(store.byName(name)).map(Schemas::definition);
    }

    @Override
    public Optional<CollectionDefinition> byId(String id) {
        CollectionRow row = id == null ? null : store.collections.findById(id);
        return Optional.ofNullable(row).map(Schemas::definition);
    }

    @Override
    public List<String> names() {
        return store.collections.names();
    }
}
