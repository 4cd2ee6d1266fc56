package io.snackbase.mail.internal;

import io.snackbase.api.mail.MailConstants;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailTransport;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns delivery over SMTP with Jakarta Mail (Eclipse Angus Mail): one connection per message. */
@Component(
        configurationPid = SmtpConfig.PID,
        property = MailConstants.TRANSPORT_ID + "=" + MailConstants.SMTP_TRANSPORT)
@Designate(ocd = SmtpConfig.class)
public class SmtpMailTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailTransport.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    // Angus Mail's own loader sees its META-INF/javamail.providers, mailcap and services files, which
    // Jakarta Mail and Activation look up through the thread context class loader.
    private static final ClassLoader MAIL_LOADER = SMTPTransport.class.getClassLoader();

    // The sender defaults to the mail service's fromAddress, read at each send so that an edit applies at once.
    @Reference
    private MailServiceImpl mailService;

    private volatile SmtpSettings settings;

    /** For DS: configured by {@link #activate}. */
    public SmtpMailTransport() {}

    /** For tests outside OSGi. */
    SmtpMailTransport(SmtpSettings settings, MailServiceImpl mailService) {
        this.settings = settings;
        this.mailService = mailService;
    }

    @Activate
    @Modified
    void activate(SmtpConfig config) {
        settings = SmtpSettings.of(config);
        LOG.info("SMTP mail transport configured for {}", settings);
    }

    @Override
    public void deliver(MailMessage message) throws MessagingException {
        SmtpSettings current = settings;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MAIL_LOADER);
        try {
            Session session = Session.getInstance(current.sessionProperties());
            String from = current.from() != null ? current.from() : mailService.config().fromAddress();
            MimeMessage mime = mime(session, from, message);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(current.host(), current.port(), current.username(), current.password());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static MimeMessage mime(Session session, String from, MailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(from, true));
        // One recipient, checked strictly: the address came from a user and must not smuggle in a list.
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(new Date());
        if (message.htmlBody() == null) {
            mime.setText(message.textBody(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), UTF_8, "html");
            // The plain part first: RFC 2046 orders alternatives from the simplest to the preferred.
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        return mime;
    }
}
