package io.snackbase.actions.internal;

import static io.snackbase.actions.internal.TestActions.context;
import static io.snackbase.actions.internal.TestActions.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class ActionSelectionTest {

    private final FakeServices services = new FakeServices();
    private final ActionRegistry registry = new ActionRegistry(services);

    @Test
    void theHighestRankingWinsAndTheOthersAreShadowed() {
        ServiceReference<ActionType> builtin = services.action(named("builtin"), "io.snackbase.actions", "send_email",
                Constants.SERVICE_RANKING, ActionConstants.BUILTIN_RANKING);
        ServiceReference<ActionType> low = services.action(named("low"), "com.acme.a", "acme.echo");
        ServiceReference<ActionType> high = services.action(named("high"), "com.acme.b", "acme.echo",
                Constants.SERVICE_RANKING, 10);
        registry.bindActionType(builtin);
        registry.bindActionType(low);
        registry.bindActionType(high);

        assertThat(by("acme.echo")).isEqualTo("high");
        assertThat(by("send_email")).isEqualTo("builtin");
        assertThat(registry.kind()).isEqualTo("action_type");
        assertThat(registry.registrations()).containsExactly(
                new RegistrationDTO("action_type", "acme.echo", "com.acme.b", 7, id(high), 10, List.of(), List.of(),
                        RegistrationState.ACTIVE, null),
                new RegistrationDTO("action_type", "acme.echo", "com.acme.a", 7, id(low), 0, List.of(), List.of(),
                        RegistrationState.SHADOWED, "shadowed by service " + id(high) + " of com.acme.b"),
                new RegistrationDTO("action_type", "send_email", "io.snackbase.actions", 7, id(builtin),
                        ActionConstants.BUILTIN_RANKING, List.of(), List.of(), RegistrationState.ACTIVE, null));
    }

    @Test
    void equalRankingsGoToTheLowerServiceId() {
        ServiceReference<ActionType> older = services.action(named("older"), "com.acme.a", "acme.echo");
        ServiceReference<ActionType> newer = services.action(named("newer"), "com.acme.b", "acme.echo");
        registry.bindActionType(newer);
        registry.bindActionType(older);

        assertThat(by("acme.echo")).isEqualTo("older");
        assertThat(state(newer)).isEqualTo(RegistrationState.SHADOWED);
    }

    @Test
    void theNextCandidateTakesOverWhenTheWinnerLeaves() {
        ServiceReference<ActionType> first = services.action(named("first"), "com.acme.a", "acme.echo",
                Constants.SERVICE_RANKING, 5);
        ServiceReference<ActionType> second = services.action(named("second"), "com.acme.b", "acme.echo");
        registry.bindActionType(first);
        registry.bindActionType(second);
        assertThat(by("acme.echo")).isEqualTo("first");

        services.unregister(first);
        registry.unbindActionType(first);

        assertThat(by("acme.echo")).isEqualTo("second");
        assertThat(registry.registrations()).singleElement()
                .satisfies(dto -> assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE));

        services.unregister(second);
        registry.unbindActionType(second);
        assertThat(registry.find("acme.echo")).isEmpty();
        assertThat(registry.registrations()).isEmpty();
    }

    @Test
    void aWinnerThatVanishedBeforeItsUnbindFallsBackToTheNextCandidate() {
        ServiceReference<ActionType> first = services.action(named("first"), "com.acme.a", "acme.echo",
                Constants.SERVICE_RANKING, 5);
        registry.bindActionType(first);
        registry.bindActionType(services.action(named("second"), "com.acme.b", "acme.echo"));

        // The service is gone but DS has not called unbind yet.
        services.unregister(first);

        assertThat(by("acme.echo")).isEqualTo("second");
    }

    @Test
    void aFailedRegistrationNeverShadowsAValidOne() {
        registry.bindActionType(services.action(named("invalid"), "com.acme.a", "echo", Constants.SERVICE_RANKING, 99));
        registry.bindActionType(services.action(named("valid"), "io.snackbase.actions", "echo"));

        assertThat(by("echo")).isEqualTo("valid");
        assertThat(registry.registrations()).extracting(RegistrationDTO::state)
                .containsExactly(RegistrationState.FAILED, RegistrationState.ACTIVE);
    }

    @Test
    void changedPropertiesTakeEffectOnUpdate() {
        ServiceReference<ActionType> reference = services.action(named("a"), "com.acme.a", "acme.echo");
        registry.bindActionType(reference);
        ServiceReference<ActionType> other = services.action(named("b"), "com.acme.b", "acme.echo",
                Constants.SERVICE_RANKING, 1);
        registry.bindActionType(other);
        assertThat(by("acme.echo")).isEqualTo("b");

        registry.unbindActionType(other);
        registry.updatedActionType(reference);

        assertThat(by("acme.echo")).isEqualTo("a");
        assertThat(registry.registrations()).hasSize(1);
    }

    private String by(String type) {
        return (String) registry.execute(type, context(0), Map.of()).data().get("by");
    }

    private RegistrationState state(ServiceReference<ActionType> reference) {
        return registry.registrations().stream()
                .filter(dto -> dto.serviceId() == id(reference))
                .findFirst()
                .orElseThrow()
                .state();
    }

    private static long id(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
