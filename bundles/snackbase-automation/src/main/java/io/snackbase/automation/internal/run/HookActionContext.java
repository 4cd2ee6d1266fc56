package io.snackbase.automation.internal.run;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.context.RequestContext;
import java.util.Map;

/** The {@link ActionContext} of one run's actions: the hook's account, the run's variables and depth. */
record HookActionContext(RequestContext request, String event, Map<String, Object> record, Map<String, Object> variables,
        int depth) implements ActionContext {

    @Override
    public String render(String template) {
        return Templates.render(template, variables);
    }
}
