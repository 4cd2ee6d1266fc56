/**
 * Describes the settings an extension takes (per-tenant data, not ConfigAdmin), so that they can be validated, documented and redacted.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
