package io.snackbase.api.storage;

/**
 * Names shared between the storage bundle and the bundles that use it.
 */
public final class StorageConstants {

    /**
     * Manifest header naming the folder, inside the bundle, that holds its migration scripts
     * (value is "Snackbase-Migrations").
     *
     * <p>Scripts are named {@code V<number>__<description>.sql}, applied in ascending number order,
     * once each, and recorded per bundle symbolic name. A script may have a dialect-specific twin
     * {@code V<number>__<description>.<databaseId>.sql} (databaseId {@code sqlite},
     * {@code postgresql} or {@code mysql}), which replaces the generic one on that database.
     * Statements are separated by a {@code ;} at the end of a line; a
     * {@code BEGIN ... END;} block (a trigger body) is kept whole.
     */
    public static final String MIGRATIONS_HEADER = "Snackbase-Migrations";

    /**
     * Service property of a {@link SchemaModule}: the module (bundle symbolic name) whose
     * migrations are applied (value is "snackbase.schema.module").
     */
    public static final String SCHEMA_MODULE = "snackbase.schema.module";

    /**
     * Service property set by every default implementation of a core service
     * (value is "snackbase.impl"); the default implementations use the value "default".
     */
    public static final String IMPL = "snackbase.impl";

    private StorageConstants() {}
}
