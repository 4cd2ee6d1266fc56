package io.snackbase.api.mail;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers rendered messages somewhere (the log, an SMTP server, a provider's API), registered
 * by any bundle as an OSGi service.
 *
 * <h2>Registration</h2>
 * {@value MailConstants#TRANSPORT_ID} (required, the transport's id, e.g. {@code log},
 * {@code smtp}, {@code acme.sendgrid}) and {@code service.ranking}. The mail service uses the
 * transport whose id its configuration names; for one id the highest ranking wins, then the
 * lowest service id.
 *
 * <h2>Threading</h2>
 * Called on the sender's thread, possibly concurrently; must be thread-safe and should time
 * out rather than block for long.
 */
@ConsumerType
@FunctionalInterface
public interface MailTransport {

    /**
     * @param message the message to deliver
     * @throws Exception when it could not be delivered (the mail service reports it; it is not retried)
     */
    void deliver(MailMessage message) throws Exception;
}
