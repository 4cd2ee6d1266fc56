/**
 * The audit log: a column-level, append-only, hash-chained record of every audited write.
 *
 * <p>The record write path calls {@link io.snackbase.api.audit.AuditService#recordChange} inside the
 * write's own transaction, so that the row and its audit entries commit or roll back together.
 * Committed entries are then sealed into the chain and handed to every registered
 * {@link io.snackbase.api.audit.AuditSink} (a whiteboard) off the writing thread.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
