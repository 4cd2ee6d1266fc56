package io.snackbase.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metatype of the mail service, configuration PID {@value #PID}. */
@ObjectClassDefinition(
        name = "SnackBase mail service",
        description = "Renders the built-in mail templates and hands each message to the selected mail transport.")
public @interface MailConfig {

    String PID = "io.snackbase.mail";

    @AttributeDefinition(
            name = "Transport",
            description = "Id (snackbase.mail.transport) of the transport that delivers mail: 'log' writes each "
                    + "message to the log, 'smtp' sends it through the server of io.snackbase.mail.smtp, or the id "
                    + "of a plugin's transport.")
    String transport() default "log";

    @AttributeDefinition(
            name = "From address",
            description = "The sender of every message, as an RFC 5322 address, optionally with a display name.")
    String fromAddress() default "SnackBase <no-reply@localhost>";

    @AttributeDefinition(
            name = "Application name",
            description = "The app_name template variable: how the templates name this service.")
    String appName() default "SnackBase";

    @AttributeDefinition(
            name = "Application URL",
            description = "The app_url template variable: the public base URL of this instance, shown in the "
                    + "templates' footer.")
    String appUrl() default "http://localhost:8090";
}
