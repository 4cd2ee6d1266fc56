package com.example.snackbase.echo2;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/** A second {@code example.echo} at ranking 10, which shadows the first one while both are deployed. */
@Component(service = ActionType.class, property = Constants.SERVICE_RANKING + ":Integer=10")
@SnackbaseActionType(type = "example.echo", label = "Echo (v2)")
public class EchoActionV2 implements ActionType {

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(ConfigProperty.requiredString("message", "Message", "Text to echo."));
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        return ActionResult.ok(Map.of("echo", context.render(String.valueOf(config.get("message"))), "version", 2));
    }
}
