/**
 * What the extension registries see: every registration with its bundle, ranking and state (active, shadowed, failed), for GET /api/v1/admin/runtime and the Web Console page.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
