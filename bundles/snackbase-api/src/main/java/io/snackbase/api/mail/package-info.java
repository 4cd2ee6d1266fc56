/**
 * Outgoing mail: the {@link io.snackbase.api.mail.MailService} that areas such as authentication
 * call, and the {@link io.snackbase.api.mail.MailTransport} whiteboard SPI that delivers a message
 * (the built-in log and SMTP transports, or a plugin's).
 */
@Export
@Version("1.0.0")
package io.snackbase.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
