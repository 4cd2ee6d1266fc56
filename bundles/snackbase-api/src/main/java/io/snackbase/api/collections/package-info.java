/**
 * Collection definitions: the runtime-defined record types of SnackBase, their fields and their
 * access rules, as the records bundle reads them.
 *
 * <p>{@link io.snackbase.api.collections.CollectionRegistry} is the service; the other types are
 * immutable values it returns. Collection changes are announced through the lifecycle hook events
 * {@code on_collection_before_create|update|delete} and {@code on_collection_after_*} of
 * {@link io.snackbase.api.hooks.HookEvents}.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.collections;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
