/**
 * Errors that any bundle may throw from a REST call path to produce one of the error envelopes
 * of the HTTP contract; the REST bundle renders them as
 * {@code {"error": label, "message": text, "detail": text, ...extras}} with
 * {@code Content-Type: application/json}.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.errors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
