package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.config.ConfigPropertyType;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The built-in {@code send_email}: a plain message ({@code to}, {@code subject}, {@code body}) or
 * a mail template ({@code template_id} with {@code variables}) through {@link MailService}; a mail
 * the transport did not accept is a failed action.
 */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "send_email", label = "Send an email")
@ServiceRanking(ActionConstants.BUILTIN_RANKING)
public class SendEmailAction implements ActionType {

    static final String DEFAULT_SUBJECT = "Hook notification";

    private final MailService mail;

    @Activate
    public SendEmailAction(@Reference MailService mail) {
        this.mail = mail;
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(
                ConfigProperty.requiredString("to", "To", "Recipient address; may use {{variables}}."),
                ConfigProperty.string("subject", "Subject", "Subject line of a plain message.", DEFAULT_SUBJECT),
                ConfigProperty.string("body", "Body", "Plain-text body of a plain message.", ""),
                ConfigProperty.string("template_id", "Template", "A mail template type to render instead of body.", null),
                new ConfigProperty("variables", "Template variables", "Values for the template's placeholders.",
                        ConfigPropertyType.MAP, false, false, null, List.of()));
    }

    @Override
    public List<String> validate(Map<String, Object> config) {
        List<String> problems = new java.util.ArrayList<>(ActionType.super.validate(config));
        if (config.get("to") instanceof String to && to.isBlank()) {
            problems.add("'to' must not be blank");
        }
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        String to = Rendering.text(context, config, "to", "").trim();
        if (to.isEmpty()) {
            return ActionResult.failed("'to' rendered as an empty address");
        }
        String template = Rendering.text(context, config, "template_id", null);
        MailDelivery delivery;
        if (template != null && !template.isBlank()) {
            Map<String, String> variables = new LinkedHashMap<>();
            Rendering.map(context, config, "variables").forEach((k, v) -> variables.put(k, v == null ? "" : String.valueOf(v)));
            try {
                delivery = mail.sendTemplate(template, to, variables, context.request());
            } catch (IllegalArgumentException e) {
                return ActionResult.failed("Unknown mail template '" + template + "'");
            }
        } else {
            String subject = Rendering.text(context, config, "subject", DEFAULT_SUBJECT);
            String body = Rendering.text(context, config, "body", "");
            delivery = mail.send(new MailMessage(to, subject, body, null, null, context.accountId()), context.request());
        }
        return delivery.sent() ? ActionResult.ok(Map.of("to", to, "transport", String.valueOf(delivery.transport())))
                : ActionResult.failed("Mail not sent: " + delivery.error());
    }
}
