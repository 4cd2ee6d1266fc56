/**
 * Custom HTTP endpoints contributed by bundles: the {@link io.snackbase.api.endpoints.EndpointHandler} whiteboard SPI, dispatched under /api/v1/x/ with tenant, auth and audit applied centrally.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.endpoints;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
