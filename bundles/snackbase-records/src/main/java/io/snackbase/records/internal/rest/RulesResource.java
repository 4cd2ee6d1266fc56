package io.snackbase.records.internal.rest;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.api.rules.Condition;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.records.internal.core.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code POST /api/v1/rules/validate} and {@code POST /api/v1/rules/test} (collection-rules.md,
 * SDK-only routes, discrepancies #30): superadmin checks of a rule text without a collection.
 */
@Component(service = RulesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RuleEngine engine;

    @Activate
    public RulesResource(@Reference RuleEngine engine) {
        this.engine = engine;
    }

    /**
     * {@code {rule, operation, collectionFields}} → 200 {@code {valid, errors}}: the validator of
     * {@code PUT /collections/{name}/rules}, against a schema of the given names. Their types are
     * not sent, so they are {@link FieldType#UNKNOWN} (every operator allowed, no type checks).
     */
    @POST
    @Path("validate")
    public Map<String, Object> validate(Map<String, Object> json, @Context ContainerRequestContext request) {
        CollectionsResource.superadmin(request);
        Body body = Body.of(json);
        String rule = requiredText(body, "rule");
        String operationText = requiredText(body, "operation");
        RuleOperation operation;
        try {
            operation = RuleOperation.valueOf(operationText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.shape("operation", "Input should be 'list', 'view', 'create', 'update' or 'delete'");
        }
        Map<String, FieldType> fields = new LinkedHashMap<>();
        Object raw = body.raw("collectionFields");
        if (raw != null) {
            if (!(raw instanceof List<?> names)) {
                throw Problems.shape("collectionFields", "Input should be a valid list");
            }
            for (Object n : names) {
                if (!(n instanceof String s) || !s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw Problems.shape("collectionFields", "Every item must be a field name");
                }
                fields.put(s, FieldType.UNKNOWN);
            }
        }
        List<String> errors = new ArrayList<>();
        try {
            engine.validateRule(operation, rule, FieldSchema.of(fields));
        } catch (RuleException e) {
            errors.add(e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", errors.isEmpty());
        m.put("errors", errors);
        return m;
    }

    /**
     * {@code {rule, context: {auth, data, record}}} → 200 {@code {result}}: the rule evaluated in
     * memory with {@code @request.auth.*} from {@code auth} (id, email, role, account_id, groups),
     * {@code @request.data.*} from {@code data} and fields from {@code record}; missing values are
     * null. {@code ""} (public) is true. Syntax and other rule errors → 400.
     */
    @POST
    @Path("test")
    public Map<String, Object> test(Map<String, Object> json, @Context ContainerRequestContext request) {
        CollectionsResource.superadmin(request);
        Body body = Body.of(json);
        String rule = requiredText(body, "rule");
        Map<String, Object> context = object(body.raw("context"), "context");
        Map<String, Object> auth = object(context.get("auth"), "context.auth");
        Map<String, Object> data = object(context.get("data"), "context.data");
        Map<String, Object> record = object(context.get("record"), "context.record");
        boolean result;
        if (rule.isBlank()) {
            result = true;
        } else {
            Condition condition;
            try {
                condition = engine.condition(rule);
            } catch (RuleException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            result = condition.matches(record, caller(auth), data);
        }
        return Map.of("result", result);
    }

    private static Principal caller(Map<String, Object> auth) {
        if (auth.isEmpty()) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        if (auth.get("groups") instanceof List<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        }
        return new Principal(text(auth, "id"), text(auth, "email"), text(auth, "account_id"), text(auth, "role"), "jwt", groups);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static String requiredText(Body body, String key) {
        if (body.raw(key) == null) {
            throw Problems.required(key);
        }
        return body.text(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String key) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw Problems.shape(key, "Input should be a valid dictionary");
        }
        return (Map<String, Object>) m;
    }
}
