package io.snackbase.mail.internal;

import java.util.Locale;
import java.util.Properties;

/**
 * Owns the SMTP transport's effective settings (the sender is null when the mail service's applies) and their translation into Jakarta Mail session
 * properties. Its {@code toString} leaves the password out.
 */
record SmtpSettings(String host, int port, String username, String password, Security security,
        int connectTimeoutMs, int readTimeoutMs, String from) {

    /** How the connection is protected. */
    enum Security { NONE, STARTTLS, SSL }

    /**
     * @param config the io.snackbase.mail.smtp configuration
     * @throws IllegalArgumentException for a security mode other than none, starttls or ssl
     */
    static SmtpSettings of(SmtpConfig config) {
        return new SmtpSettings(config.host(), config.port(), blankToNull(config.username()),
                blankToNull(config.password()), security(config.security()), config.connectTimeoutMs(),
                config.readTimeoutMs(), blankToNull(config.from()));
    }

    static Security security(String value) {
        try {
            return Security.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security must be none, starttls or ssl, not '" + value + "'");
        }
    }

    /** @return the session properties; the credentials are not among them, they go to connect() */
    Properties sessionProperties() {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.auth", String.valueOf(username != null));
        props.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeoutMs));
        props.put("mail.smtp.timeout", String.valueOf(readTimeoutMs));
        props.put("mail.smtp.writetimeout", String.valueOf(readTimeoutMs));
        // The host name check is off by default in Jakarta Mail; a TLS mode without it is not worth having.
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        if (security == Security.SSL) {
            props.put("mail.smtp.ssl.enable", "true");
        } else if (security == Security.STARTTLS) {
            // Required, not merely enabled: never send the password over a connection that stayed plain.
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        return props;
    }

    @Override
    public String toString() {
        return "smtp://" + (username == null ? "" : username + "@") + host + ":" + port + " ("
                + security.name().toLowerCase(Locale.ROOT) + (from == null ? "" : ", from " + from) + ")";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
