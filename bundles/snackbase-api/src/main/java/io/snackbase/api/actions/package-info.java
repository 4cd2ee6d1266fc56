/**
 * Action types: the {@link io.snackbase.api.actions.ActionType} whiteboard SPI that API-defined hooks and workflows execute, and the executor that selects one winner per type id.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.actions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
