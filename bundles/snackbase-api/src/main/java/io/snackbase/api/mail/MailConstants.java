package io.snackbase.api.mail;

/** Service property names of the mail SPI. */
public final class MailConstants {

    /** Service property naming a {@link MailTransport}'s id (value "snackbase.mail.transport"). */
    public static final String TRANSPORT_ID = "snackbase.mail.transport";

    /** Id of the built-in transport that writes each message to the log (value "log"). */
    public static final String LOG_TRANSPORT = "log";

    /** Id of the built-in SMTP transport (value "smtp"). */
    public static final String SMTP_TRANSPORT = "smtp";

    private MailConstants() {}
}
