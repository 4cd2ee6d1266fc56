package io.snackbase.storage.jdbc.internal.migration;

import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.storage.jdbc.internal.DatabaseImpl;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the migrations of every bundle that carries the {@code Snackbase-Migrations} header
 * when it starts, then registers a {@link SchemaModule} for it. A module whose database is not
 * reachable yet is retried every few seconds; one whose script is broken is reported and left
 * without a SchemaModule, so its components stay inactive instead of failing on missing tables.
 */
@Component(immediate = true)
public class MigrationExtender {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);
    private static final long RETRY_SECONDS = 5;

    private final BundleContext context;
    private final DatabaseImpl database;
    private final MigrationRunner runner;
    private final Map<Long, ServiceRegistration<SchemaModule>> registered = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "snackbase-migration-retry");
        t.setDaemon(true);
        return t;
    });
    private final BundleTracker<Bundle> tracker;

    @Activate
    public MigrationExtender(BundleContext context, @Reference DatabaseImpl database) {
        this.context = context;
        this.database = database;
        this.runner = new MigrationRunner(database.dataSource(), database.kind());
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String folder = BundleMigrations.folder(bundle);
                if (folder == null) {
                    return null;
                }
                migrate(bundle, folder);
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
                unregister(bundle.getBundleId());
            }
        };
        tracker.open();
    }

    @Deactivate
    public void deactivate() {
        tracker.close();
        retries.shutdownNow();
        registered.keySet().forEach(this::unregister);
    }

    private void migrate(Bundle bundle, String folder) {
        String module = bundle.getSymbolicName();
        try {
            int version = runner.apply(module, MigrationScripts.select(BundleMigrations.files(bundle, folder), database.kind()));
            register(bundle, module, version);
        } catch (MigrationException e) {
            if (database.isReachable(java.time.Duration.ofSeconds(2))) {
                LOG.error("Schema of {} not applied; its services stay unavailable: {}", module, e.getMessage(), e);
            } else {
                LOG.warn("Database not reachable; migrations of {} retried in {} s", module, RETRY_SECONDS);
                retries.schedule(() -> retry(bundle, folder), RETRY_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.error("Migrations of {} cannot be read: {}", module, e.getMessage(), e);
        }
    }

    private void retry(Bundle bundle, String folder) {
        if (tracker.getObject(bundle) != null && !registered.containsKey(bundle.getBundleId())) {
            migrate(bundle, folder);
        }
    }

    private void register(Bundle bundle, String module, int version) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(StorageConstants.SCHEMA_MODULE, module);
        props.put("snackbase.schema.version", version);
        ServiceRegistration<SchemaModule> registration =
                context.registerService(SchemaModule.class, new SchemaModuleImpl(module, version), props);
        ServiceRegistration<SchemaModule> previous = registered.put(bundle.getBundleId(), registration);
        if (previous != null) {
            previous.unregister();
        }
    }

    private void unregister(long bundleId) {
        ServiceRegistration<SchemaModule> registration = registered.remove(bundleId);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters it when this bundle stops first.
            }
        }
    }
}
