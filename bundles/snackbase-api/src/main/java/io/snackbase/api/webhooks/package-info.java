/**
 * Outbound webhooks: the {@link io.snackbase.api.webhooks.WebhookTransport} whiteboard SPI through which the
 * webhooks bundle hands a signed delivery to HTTP (the built-in transport) or to anything else a plugin
 * registers (a message queue, a cloud event bus).
 */
@Export
@Version("1.0.0")
package io.snackbase.api.webhooks;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
