package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.context.RequestContext;
import java.util.List;
import java.util.Map;

/** Action types and contexts for the registry tests. */
final class TestActions {

    private TestActions() {}

    /** An action that answers with its name, so a test can tell which service ran. */
    static ActionType named(String name) {
        return new ActionType() {
            @Override
            public List<ConfigProperty> configProperties() {
                return List.of();
            }

            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                return ActionResult.ok(Map.of("by", name));
            }
        };
    }

    static ActionContext context(int depth) {
        return new Context(RequestContext.system("test"), depth);
    }

    /** A context at a given depth; rendering is not what these tests are about. */
    record Context(RequestContext request, int depth) implements ActionContext {
        @Override
        public String event() {
            return "manual";
        }

        @Override
        public Map<String, Object> record() {
            return Map.of();
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of();
        }

        @Override
        public String render(String template) {
            return template;
        }
    }
}
