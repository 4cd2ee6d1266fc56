package io.snackbase.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The applied schema of one module: registered by the storage bundle after every migration of a
 * bundle that carries the {@value StorageConstants#MIGRATIONS_HEADER} header has been applied,
 * with the service property {@value StorageConstants#SCHEMA_MODULE} set to that bundle's symbolic
 * name. A component that needs its tables references it with a target, for example
 * {@code @Reference(target = "(snackbase.schema.module=io.snackbase.auth)")}.
 *
 * <p>Not registered when a migration fails or an applied script was changed afterwards; the
 * reason is logged.
 */
@ProviderType
public interface SchemaModule {

    /** @return the module name (a bundle symbolic name) */
    String module();

    /** @return the highest applied migration number */
    int version();
}
