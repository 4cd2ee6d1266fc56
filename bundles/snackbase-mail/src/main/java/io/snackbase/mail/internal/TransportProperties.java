package io.snackbase.mail.internal;

import io.snackbase.api.mail.MailConstants;
import io.snackbase.api.mail.MailTransport;
import io.snackbase.whiteboard.support.RankedService;
import io.snackbase.whiteboard.support.Registration;
import java.util.List;
import org.osgi.framework.ServiceReference;

/** Owns the rule of a mail transport's service properties and turns a transport service into a registration. */
final class TransportProperties {

    private TransportProperties() {}

    /** A transport competes for its one id, a non-blank String; anything else is reported as failed. */
    static Registration<MailTransport, String> registration(ServiceReference<MailTransport> reference) {
        RankedService<MailTransport> service = RankedService.of(reference);
        Object value = reference.getProperty(MailConstants.TRANSPORT_ID);
        if (value instanceof String id && !id.isBlank()) {
            return Registration.valid(service, id, List.of(), List.of(id));
        }
        String problem = value == null
                ? MailConstants.TRANSPORT_ID + " is missing"
                : MailConstants.TRANSPORT_ID + " must be a non-blank String, found "
                        + (value instanceof String ? "a blank one" : value.getClass().getSimpleName());
        return Registration.failed(service, null, List.of(), problem);
    }
}
