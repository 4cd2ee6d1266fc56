package com.example.snackbase.echo;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Returns its rendered {@code message} setting: the smallest useful third-party action type. */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "example.echo", label = "Echo")
public class EchoAction implements ActionType {

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(ConfigProperty.requiredString("message", "Message", "Text to echo; may use {{variables}}."));
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        return ActionResult.ok(Map.of("echo", context.render(String.valueOf(config.get("message"))), "version", 1));
    }
}
