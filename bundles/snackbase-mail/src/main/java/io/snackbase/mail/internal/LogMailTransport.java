package io.snackbase.mail.internal;

import io.snackbase.api.mail.MailConstants;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailTransport;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the built-in transport that writes each message (recipient, subject, text body) to the log
 * in one INFO entry, so that a fresh instance without a mail server can still complete
 * verification and password reset; at ranking -100 so that any plugin transport of the same id wins.
 */
@Component(property = {MailConstants.TRANSPORT_ID + "=" + MailConstants.LOG_TRANSPORT, "service.ranking:Integer=-100"})
public class LogMailTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(LogMailTransport.class);

    @Override
    public void deliver(MailMessage message) {
        // The whole text body on purpose: the links in it are what the operator is looking for.
        LOG.info("Mail (log transport, not sent) to: {} | subject: {} | template: {} | account: {}\n{}",
                message.to(), message.subject(), message.templateType(), message.accountId(), message.textBody());
    }
}
