/**
 * Names that tie a bundle's Jakarta REST resources and extensions to the SnackBase REST
 * application and its JSON provider on the Jakarta RESTful Web Services Whiteboard.
 *
 * <p>A plugin resource is a prototype-scoped DS component annotated with
 * {@code @JakartarsResource},
 * {@code @JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)} and
 * {@code @JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)}; it is then served
 * under {@code /api/v1}.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
