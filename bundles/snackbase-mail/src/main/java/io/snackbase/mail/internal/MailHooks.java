package io.snackbase.mail.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the mailer hook events: the data a handler sees, and how a before handler's answer changes the send. */
final class MailHooks {

    static final String TO = "to";
    static final String SUBJECT = "subject";
    static final String TEMPLATE_TYPE = "template_type";
    static final String TEXT_BODY = "text_body";
    static final String HTML_BODY = "html_body";
    static final String TRANSPORT = "transport";
    static final String SENT = "sent";
    static final String ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(MailHooks.class);

    /**
     * What {@code on_mailer_before_send} decided.
     *
     * @param message the message to send (replaced by a handler, or the input)
     * @param abortReason why a handler stopped the send, or null when it goes on
     */
    record Before(MailMessage message, String abortReason) {}

    private MailHooks() {}

    /** Fires {@code on_mailer_before_send}; without a dispatcher or handlers the message goes on unchanged. */
    static Before before(HookDispatcher hooks, MailMessage message, RequestContext context) {
        if (hooks == null || !hooks.hasHandlers(HookEvents.ON_MAILER_BEFORE_SEND, null)) {
            return new Before(message, null);
        }
        HookDispatchResult result = hooks.dispatch(
                new HookEvent(HookEvents.ON_MAILER_BEFORE_SEND, null, data(message)), new HookContext(context));
        if (result.aborted()) {
            return new Before(message, result.abortMessage() == null ? "no reason given" : result.abortMessage());
        }
        return new Before(replaced(message, result.data()), null);
    }

    /** Fires {@code on_mailer_after_send}; a failing dispatch is logged, since the send is already over. */
    static void after(HookDispatcher hooks, MailMessage message, MailDelivery delivery, RequestContext context) {
        if (hooks == null || !hooks.hasHandlers(HookEvents.ON_MAILER_AFTER_SEND, null)) {
            return;
        }
        Map<String, Object> data = data(message);
        data.put(TRANSPORT, delivery.transport());
        data.put(SENT, delivery.sent());
        data.put(ERROR, delivery.error());
        try {
            hooks.dispatch(new HookEvent(HookEvents.ON_MAILER_AFTER_SEND, null, data), new HookContext(context));
        } catch (RuntimeException e) {
            LOG.warn("on_mailer_after_send failed for mail to {}", message.to(), e);
        }
    }

    static Map<String, Object> data(MailMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(TO, message.to());
        data.put(SUBJECT, message.subject());
        data.put(TEMPLATE_TYPE, message.templateType());
        data.put(TEXT_BODY, message.textBody());
        data.put(HTML_BODY, message.htmlBody());
        return data;
    }

    // A handler returns the whole map; a key it left out or set to a non-string keeps the original
    // value, except html_body, which a handler may clear to send text only.
    private static MailMessage replaced(MailMessage message, Map<String, Object> data) {
        String to = text(data, TO, message.to());
        String subject = text(data, SUBJECT, message.subject());
        String textBody = text(data, TEXT_BODY, message.textBody());
        String htmlBody = data.containsKey(HTML_BODY) && data.get(HTML_BODY) == null
                ? null : text(data, HTML_BODY, message.htmlBody());
        return new MailMessage(to, subject, textBody, htmlBody, message.templateType(), message.accountId());
    }

    private static String text(Map<String, Object> data, String key, String fallback) {
        return data.get(key) instanceof String value ? value : fallback;
    }
}
