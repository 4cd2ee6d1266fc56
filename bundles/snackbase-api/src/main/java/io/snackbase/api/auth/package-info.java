/**
 * Request authentication: the {@link io.snackbase.api.auth.Authenticator} service that turns a
 * credential into a {@link io.snackbase.api.context.Principal}, and the
 * {@link io.snackbase.api.auth.RequestAuthentication} outcome that the REST bundle's filter
 * attaches to every request, from which resources of any bundle take their caller and tenant.
 */
@Export
@Version("1.0.0")
package io.snackbase.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
