package io.snackbase.actions.internal;

import static io.snackbase.actions.internal.TestActions.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.UnknownActionTypeException;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.errors.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ActionExecutionTest {

    private final FakeServices services = new FakeServices();
    private final ActionRegistry registry = new ActionRegistry(services);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void anUnknownTypeIsA400ForExecuteAndValidate() {
        assertThatThrownBy(() -> registry.execute("acme.nothing", context(0), Map.of()))
                .isInstanceOf(UnknownActionTypeException.class)
                .isInstanceOf(ApiException.class)
                .hasMessage("Unknown action type 'acme.nothing'")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> registry.validate("acme.nothing", Map.of()))
                .isInstanceOf(UnknownActionTypeException.class);
        assertThat(registry.find("acme.nothing")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void executionRunsTheActionWithItsContextAndConfig() {
        List<Object> seen = new ArrayList<>();
        register(new Action() {
            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                seen.add(context.depth());
                seen.add(config);
                return ActionResult.ok(Map.of("id", "r1"));
            }
        });

        ActionResult result = registry.execute("acme.act", context(2), Map.of("to", "a@b.c"));

        assertThat(result).isEqualTo(ActionResult.ok(Map.of("id", "r1")));
        assertThat(seen).containsExactly(2, Map.of("to", "a@b.c"));
    }

    @Test
    void theDepthLimitRefusesWithoutRunningTheAction() {
        register(counting());

        ActionResult refused = registry.execute("acme.act", context(5), Map.of());
        assertThat(refused.success()).isFalse();
        assertThat(refused.error()).isEqualTo("Action depth limit (5) reached");
        assertThat(runs.get()).isZero();

        assertThat(registry.execute("acme.act", context(4), Map.of()).success()).isTrue();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void anExceptionBecomesAFailedResult() {
        register(new Action() {
            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                throw new IllegalStateException("SMTP is down");
            }
        });

        assertThat(registry.execute("acme.act", context(0), Map.of())).isEqualTo(ActionResult.failed("SMTP is down"));
    }

    @Test
    void aCheckedExceptionWithoutMessageBecomesAFailedResult() {
        register(new Action() {
            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) throws IOException {
                throw new IOException();
            }
        });

        assertThat(registry.execute("acme.act", context(0), Map.of()).error()).isEqualTo("java.io.IOException");
    }

    @Test
    void aNullResultBecomesAFailedResult() {
        register(new Action() {
            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                return null;
            }
        });

        assertThat(registry.execute("acme.act", context(0), null).success()).isFalse();
    }

    @Test
    void validateUsesTheActionsConfigProperties() {
        register(new Action() {
            @Override
            public List<ConfigProperty> configProperties() {
                return List.of(ConfigProperty.requiredString("to", "To", "Recipient"),
                        ConfigProperty.string("subject", "Subject", "Subject line", "Hi"));
            }
        });

        assertThat(registry.validate("acme.act", Map.of())).containsExactly("'to' is required");
        assertThat(registry.validate("acme.act", Map.of("to", 5))).containsExactly("'to' must be a string");
        assertThat(registry.validate("acme.act", Map.of("to", "a@b.c"))).isEmpty();
        assertThat(registry.validate("acme.act", null)).containsExactly("'to' is required");
    }

    @Test
    void validateUsesAnOverridingValidator() {
        register(new Action() {
            @Override
            public List<String> validate(Map<String, Object> config) {
                return config.containsKey("url") ? List.of() : List.of("'url' is required for acme");
            }
        });

        assertThat(registry.validate("acme.act", Map.of())).containsExactly("'url' is required for acme");
    }

    @Test
    void aCrashingValidatorReportsAProblemInsteadOfThrowing() {
        register(new Action() {
            @Override
            public List<String> validate(Map<String, Object> config) {
                throw new IllegalStateException("bug");
            }
        });

        assertThat(registry.validate("acme.act", Map.of()))
                .containsExactly("action type 'acme.act' could not check the config: bug");
    }

    private void register(ActionType action) {
        registry.bindActionType(services.action(action, "com.acme.plugin", "acme.act"));
    }

    private ActionType counting() {
        return new Action() {
            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                runs.incrementAndGet();
                return ActionResult.ok();
            }
        };
    }

    /** An action without settings that succeeds; tests override what they exercise. */
    private abstract static class Action implements ActionType {
        @Override
        public List<ConfigProperty> configProperties() {
            return List.of();
        }

        @Override
        public ActionResult execute(ActionContext context, Map<String, Object> config) throws Exception {
            return ActionResult.ok();
        }
    }
}
