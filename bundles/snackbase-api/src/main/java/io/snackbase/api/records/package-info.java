/**
 * Records as a service for other bundles: {@link io.snackbase.api.records.RecordOperations} (the
 * HTTP record path, callable in process by hook actions and workflows) and
 * {@link io.snackbase.api.records.RecordWriteListener} (a whiteboard called inside every record
 * write's transaction, where outbox rows for hooks and webhooks are written).
 */
@Export
@Version("1.0.0")
package io.snackbase.api.records;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
