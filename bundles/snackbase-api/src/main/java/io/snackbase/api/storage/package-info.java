/**
 * Storage services: the configured database, transactions that span several bundles, MyBatis
 * mappers bound to those transactions, and per-bundle schema migrations.
 *
 * <p>A bundle ships migrations by naming a folder in its manifest header
 * {@value io.snackbase.api.storage.StorageConstants#MIGRATIONS_HEADER}; the storage bundle
 * applies them at start and then registers a {@link io.snackbase.api.storage.SchemaModule}
 * for that bundle, which the bundle's components reference to wait for their tables.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
