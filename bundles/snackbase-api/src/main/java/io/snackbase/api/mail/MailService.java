package io.snackbase.api.mail;

import io.snackbase.api.context.RequestContext;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a template and hands the message to the configured {@link MailTransport}.
 *
 * <p>Fires {@code on_mailer_before_send} (a handler may abort; the message is then not sent) and
 * {@code on_mailer_after_send} through the hook dispatcher. A failing transport never throws to
 * the caller: the outcome is returned, so that a flow such as registration goes on when mail is
 * down. Registered by the snackbase-mail bundle with {@code snackbase.impl=default}; a
 * replacement registers at a higher {@code service.ranking}. Thread-safe; sending blocks the
 * calling thread until the transport has answered.
 */
@ProviderType
public interface MailService {

    /**
     * @param templateType one of {@link MailTemplates} (or a custom type known to the service)
     * @param to the recipient
     * @param variables the template variables; missing ones render as empty text
     * @param context the tenant and caller the mail is sent for
     * @return the outcome; never null
     * @throws IllegalArgumentException for an unknown template type
     */
    MailDelivery sendTemplate(String templateType, String to, Map<String, String> variables, RequestContext context);

    /**
     * Sends an already rendered message.
     *
     * @param message the message
     * @param context the tenant and caller
     * @return the outcome; never null
     */
    MailDelivery send(MailMessage message, RequestContext context);
}
