/**
 * Who is calling and on behalf of which tenant account: handed to every SPI call as a value, never read from a thread-local.
 */
@Export
@Version("1.2.0")
package io.snackbase.api.context;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
