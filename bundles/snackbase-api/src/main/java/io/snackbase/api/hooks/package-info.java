/**
 * Lifecycle hooks: the 40 event names, the {@link io.snackbase.api.hooks.LifecycleHookHandler} whiteboard SPI and the dispatcher that runs handlers.
 */
@Export
@Version("1.1.0")
package io.snackbase.api.hooks;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
