package io.snackbase.auth.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.mail.MailTemplates;
import io.snackbase.auth.internal.core.Times;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The auth mails (verification, reset, invitation), through the optional mail service; a missing service is a failed send. */
public final class AuthMail {

    private static final Logger LOG = LoggerFactory.getLogger(AuthMail.class);

    private final Supplier<MailService> mail;
    private final String appUrl;

    public AuthMail(Supplier<MailService> mail, String appUrl) {
        this.mail = mail;
        this.appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
    }

    /** @return true when the mail was handed to a transport */
    public boolean verification(String email, String token, long expiresAt, RequestContext context) {
        return send(MailTemplates.EMAIL_VERIFICATION, email, Map.of("verification_url", link("verify-email", token),
                "token", token, "email", email, "expires_at", Times.iso(expiresAt)), context);
    }

    /** @return true when the mail was handed to a transport */
    public boolean passwordReset(String email, String token, long expiresAt, RequestContext context) {
        return send(MailTemplates.PASSWORD_RESET, email, Map.of("reset_url", link("reset-password", token),
                "token", token, "email", email, "expires_at", Times.iso(expiresAt)), context);
    }

    /** @return true when the mail was handed to a transport */
    public boolean invitation(String email, String token, String accountName, String invitedBy, long expiresAt, RequestContext context) {
        return send(MailTemplates.INVITATION, email, Map.of("invitation_url", link("accept-invitation", token),
                "token", token, "email", email, "account_name", accountName, "invited_by", invitedBy == null ? "" : invitedBy,
                "expires_at", Times.iso(expiresAt)), context);
    }

    private String link(String page, String token) {
        return appUrl + "/" + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private boolean send(String template, String to, Map<String, String> variables, RequestContext context) {
        MailService service = mail.get();
        if (service == null) {
            LOG.warn("No mail service is available; the {} mail to {} was not sent", template, to);
            return false;
        }
        try {
            MailDelivery delivery = service.sendTemplate(template, to, variables, context);
            if (!delivery.sent()) {
                LOG.warn("The {} mail to {} was not sent: {}", template, to, delivery.error());
            }
            return delivery.sent();
        } catch (RuntimeException e) {
            LOG.warn("The {} mail to {} failed", template, to, e);
            return false;
        }
    }
}
