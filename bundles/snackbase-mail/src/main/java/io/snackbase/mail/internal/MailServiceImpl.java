package io.snackbase.mail.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.mail.MailTransport;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.whiteboard.support.Registration;
import io.snackbase.whiteboard.support.RegistrationTracker;
import io.snackbase.whiteboard.support.ServiceLocator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns sending mail: rendering the built-in templates, the mailer hooks, and choosing the configured transport. */
@Component(
        configurationPid = MailConfig.PID,
        service = {MailService.class, RegistrationSource.class, MailServiceImpl.class},
        property = "snackbase.impl=default")
@Designate(ocd = MailConfig.class)
public class MailServiceImpl implements MailService, RegistrationSource {

    static final String KIND = "mail_transport";
    static final String TRANSPORT_REFERENCE = "transport";
    private static final Logger LOG = LoggerFactory.getLogger(MailServiceImpl.class);

    private final RegistrationTracker<MailTransport, String> transports = new RegistrationTracker<>(KIND);
    private final BuiltinTemplates templates = new BuiltinTemplates();
    private volatile ServiceLocator<MailTransport> locator;
    private volatile MailConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HookDispatcher hooks;

    /** For DS: completed by {@link #activate}. */
    public MailServiceImpl() {}

    /** For tests outside OSGi. */
    MailServiceImpl(ServiceLocator<MailTransport> locator, HookDispatcher hooks, MailConfig config) {
        this.locator = locator;
        this.hooks = hooks;
        this.config = config;
    }

    @Activate
    void activate(ComponentContext context, MailConfig config) {
        locator = reference -> context.locateService(TRANSPORT_REFERENCE, reference);
        modified(config);
    }

    @Modified
    void modified(MailConfig config) {
        this.config = config;
        LOG.info("Mail service uses transport '{}', sender {}", config.transport(), config.fromAddress());
    }

    @Reference(
            name = TRANSPORT_REFERENCE,
            service = MailTransport.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedTransport",
            unbind = "unbindTransport")
    void bindTransport(ServiceReference<MailTransport> reference) {
        Registration<MailTransport, String> registration = TransportProperties.registration(reference);
        transports.put(registration);
    }

    void updatedTransport(ServiceReference<MailTransport> reference) {
        bindTransport(reference);
    }

    void unbindTransport(ServiceReference<MailTransport> reference) {
        transports.remove(reference);
    }

    @Override
    public MailDelivery sendTemplate(String templateType, String to, Map<String, String> variables,
            RequestContext context) {
        MailTemplate template = templates.get(templateType);
        Objects.requireNonNull(to, "to");
        MailConfig current = config;
        Map<String, String> values = new HashMap<>();
        values.put("app_name", current.appName());
        values.put("app_url", current.appUrl());
        values.put("email", to);
        if (variables != null) {
            variables.forEach((key, value) -> {
                if (key != null && value != null) {
                    values.put(key, value);
                }
            });
        }
        MailMessage message = new MailMessage(to, template.renderSubject(values), template.renderText(values),
                template.renderHtml(values), templateType, context == null ? null : context.accountId());
        return send(message, context);
    }

    @Override
    public MailDelivery send(MailMessage message, RequestContext context) {
        Objects.requireNonNull(message, "message");
        RequestContext caller = context != null ? context : RequestContext.system("mail");
        String transportId = config.transport();
        HookDispatcher dispatcher = hooks;
        MailMessage toSend;
        try {
            MailHooks.Before before = MailHooks.before(dispatcher, message, caller);
            if (before.abortReason() != null) {
                LOG.info("Mail to {} ({}) not sent: aborted by hook: {}", message.to(), message.templateType(),
                        before.abortReason());
                return new MailDelivery(false, transportId, "Aborted by hook: " + before.abortReason());
            }
            toSend = before.message();
        } catch (RuntimeException e) {
            // The hooks decide whether a mail may go; when they cannot answer, do not send it.
            LOG.warn("on_mailer_before_send failed for mail to {}; not sent", message.to(), e);
            return new MailDelivery(false, transportId, "Hook dispatch failed: " + e.getMessage());
        }
        MailDelivery delivery = deliver(transportId, toSend);
        MailHooks.after(dispatcher, toSend, delivery, caller);
        return delivery;
    }

    private MailDelivery deliver(String transportId, MailMessage message) {
        Optional<MailTransport> transport = transports.selection().locate(transportId, locator);
        if (transport.isEmpty()) {
            LOG.warn("Mail to {} ({}) not sent: no mail transport '{}' is available", message.to(),
                    message.templateType(), transportId);
            return new MailDelivery(false, transportId, "No mail transport '" + transportId + "' is available");
        }
        try {
            transport.get().deliver(message);
            LOG.debug("Mail to {} ({}) handed to transport '{}'", message.to(), message.templateType(), transportId);
            return new MailDelivery(true, transportId, null);
        } catch (Exception e) {
            // The stack trace is logged as well: the message alone rarely says which hop failed.
            // Transports keep secrets out of their exceptions (SmtpMailTransport never sees them there).
            String error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            LOG.warn("Mail to {} ({}) not sent by transport '{}': {}", message.to(), message.templateType(),
                    transportId, error, e);
            return new MailDelivery(false, transportId, error);
        }
    }

    /** @return the current configuration, for this bundle's transports (the SMTP sender default) */
    MailConfig config() {
        return config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<RegistrationDTO> registrations() {
        return transports.selection().toDTOs();
    }
}
