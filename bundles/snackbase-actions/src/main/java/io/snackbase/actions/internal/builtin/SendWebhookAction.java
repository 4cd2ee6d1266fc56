package io.snackbase.actions.internal.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.config.ConfigPropertyType;
import io.snackbase.outbound.support.OutboundDeniedException;
import io.snackbase.outbound.support.OutboundHttp;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.outbound.support.OutboundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The built-in {@code send_webhook}: POSTs the rendered {@code body_template} (or, without one, the
 * run's event and record as JSON) to {@code url} through the outbound client, so the URL policy
 * applies when the hook is saved and again to every resolved address at connect time (https only
 * and no private, loopback or metadata targets, unless {@code SNACKBASE_ENVIRONMENT=development}).
 * A non-2xx answer, a refused URL or a network error is a failed action.
 */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "send_webhook", label = "Send a webhook")
@ServiceRanking(ActionConstants.BUILTIN_RANKING)
public class SendWebhookAction implements ActionType {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundHttp http;

    @Activate
    public SendWebhookAction() {
        this(new OutboundHttp(OutboundPolicy.fromEnvironment(), TIMEOUT, 32, 4));
    }

    public SendWebhookAction(OutboundHttp http) {
        this.http = http;
    }

    @Deactivate
    void close() {
        http.close();
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(
                ConfigProperty.requiredString("url", "URL", "Where to POST; checked against the outbound URL policy."),
                new ConfigProperty("method", "Method", "The HTTP method; only POST is supported.", ConfigPropertyType.STRING,
                        false, false, "POST", List.of("POST")),
                new ConfigProperty("headers", "Headers", "Request headers (string values; may use {{variables}}).",
                        ConfigPropertyType.MAP, false, false, null, List.of()),
                ConfigProperty.string("body_template", "Body", "The request body; may use {{variables}}. Without it the "
                        + "event and record are sent as JSON.", null));
    }

    @Override
    public List<String> validate(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(ActionType.super.validate(config));
        if (config.get("url") instanceof String url && !url.contains("{{")) {
            try {
                http.policy().check(url);
            } catch (OutboundDeniedException e) {
                problems.add("'url' is not allowed: " + e.getMessage());
            }
        }
        if (config.get("headers") instanceof Map<?, ?> headers
                && headers.values().stream().anyMatch(v -> !(v instanceof String))) {
            problems.add("'headers' values must be strings");
        }
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) throws JsonProcessingException {
        String url = Rendering.text(context, config, "url", "").trim();
        Map<String, String> headers = new LinkedHashMap<>();
        Rendering.map(context, config, "headers").forEach((k, v) -> headers.put(k, String.valueOf(v)));
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/json");
        }
        String body = Rendering.text(context, config, "body_template", null);
        if (body == null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", context.event());
            payload.put("account_id", context.accountId());
            payload.put("record", context.record());
            body = JSON.writeValueAsString(payload);
        }
        try {
            OutboundResponse response = http.post(url, headers, body.getBytes(StandardCharsets.UTF_8));
            Map<String, Object> data = Map.of("status", response.status(), "duration_ms", response.durationMillis());
            return response.status() >= 200 && response.status() < 300 ? ActionResult.ok(data)
                    : ActionResult.failed("HTTP " + response.status() + " from " + url);
        } catch (OutboundDeniedException e) {
            return ActionResult.failed("URL not allowed: " + e.getMessage());
        } catch (IOException e) {
            return ActionResult.failed("Request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
