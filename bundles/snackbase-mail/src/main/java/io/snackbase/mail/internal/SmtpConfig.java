package io.snackbase.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The metatype of the SMTP transport, configuration PID {@value #PID}. */
@ObjectClassDefinition(
        name = "SnackBase SMTP mail transport",
        description = "The mail server that the 'smtp' transport sends through. Used when the mail service "
                + "(io.snackbase.mail) has transport=smtp.")
public @interface SmtpConfig {

    String PID = "io.snackbase.mail.smtp";

    @AttributeDefinition(name = "Host", description = "Host name or address of the SMTP server.")
    String host() default "localhost";

    @AttributeDefinition(name = "Port", description = "TCP port: usually 587 for STARTTLS, 465 for SSL, 25 for none.",
            min = "1", max = "65535")
    int port() default 587;

    @AttributeDefinition(name = "User name",
            description = "Log in with this user (AUTH) when not empty; leave empty for a server without login.",
            required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", description = "The user's password. Never logged.",
            type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(
            name = "Security",
            description = "starttls: upgrade the connection with STARTTLS and refuse to go on without it; "
                    + "ssl: TLS from the first byte (SMTPS); none: plain text (local relays only). The server's "
                    + "certificate and host name are checked in both TLS modes.",
            options = {
                @Option(label = "STARTTLS (required)", value = "starttls"),
                @Option(label = "SSL/TLS", value = "ssl"),
                @Option(label = "None", value = "none")
            })
    String security() default "starttls";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long to wait for the TCP connection.",
            min = "1")
    int connectTimeoutMs() default 10000;

    @AttributeDefinition(name = "Read timeout (ms)",
            description = "How long to wait for each answer of the server (and for each write to it).", min = "1")
    int readTimeoutMs() default 30000;

    @AttributeDefinition(name = "From",
            description = "Sender for mail sent through this server; empty uses fromAddress of io.snackbase.mail.",
            required = false)
    String from() default "";
}
