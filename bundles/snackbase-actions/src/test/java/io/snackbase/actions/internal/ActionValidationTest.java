package io.snackbase.actions.internal;

import static io.snackbase.actions.internal.TestActions.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.actions.ActionType;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.ServiceReference;

class ActionValidationTest {

    private final FakeServices services = new FakeServices();
    private final ActionRegistry registry = new ActionRegistry(services);

    @Test
    void aMissingIdFails() {
        assertFailed(services.action(named("x"), "com.acme.plugin", null), "snackbase.action.type is missing or blank");
    }

    @Test
    void aBlankIdFails() {
        assertFailed(services.action(named("x"), "com.acme.plugin", "  "), "snackbase.action.type is missing or blank");
    }

    @Test
    void anIdThatIsNotOneStringFails() {
        assertFailed(services.action(named("x"), "com.acme.plugin", new String[] {"acme.a", "acme.b"}),
                "snackbase.action.type must be a single String, found String[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme.echo", "acme..echo", "acme.echo.", ".echo", "1acme.echo", "acme.1echo", "acme.echo-x",
            "acme echo", "acme.échо"})
    void aMalformedIdFails(String id) {
        assertFailed(services.action(named("x"), "com.acme.plugin", id), "action type id '" + id + "' is malformed");
    }

    @Test
    void anIdLongerThan100CharactersFails() {
        String id = "acme." + "a".repeat(96);
        assertFailed(services.action(named("x"), "com.acme.plugin", id), "is longer than 100 characters");
    }

    @Test
    void anIdOfExactly100CharactersIsFine() {
        String id = "acme." + "a".repeat(95);
        assertActive(services.action(named("x"), "com.acme.plugin", id), id);
    }

    @Test
    void aThirdPartyBundleMustNamespaceItsIds() {
        assertFailed(services.action(named("x"), "com.acme.plugin", "echo"),
                "action type id 'echo' must be namespaced (e.g. 'acme.echo')");
        assertActive(services.action(named("x"), "com.acme.plugin", "acme.echo"), "acme.echo");
    }

    @Test
    void snackbaseBundlesMayUseUnNamespacedIds() {
        assertActive(services.action(named("x"), "io.snackbase.actions", "send_email"), "send_email");
        assertActive(services.action(named("x"), "io.snackbase.workflows", "run_workflow_step"), "run_workflow_step");
    }

    @Test
    void aThirdPartyBundleMayReplaceABuiltInByItsId() {
        assertActive(services.action(named("x"), "com.acme.mail", "send_email"), "send_email");
    }

    @Test
    void aBundleMerelyNamedLikeSnackbaseMustNamespace() {
        assertFailed(services.action(named("x"), "io.snackbaseplugin", "echo"), "must be namespaced");
    }

    private void assertFailed(ServiceReference<ActionType> reference, String reason) {
        registry.bindActionType(reference);
        RegistrationDTO dto = registry.registrations().get(0);
        assertThat(dto.state()).isEqualTo(RegistrationState.FAILED);
        assertThat(dto.reason()).contains(reason);
        // Never used: no id of a failed registration resolves.
        if (dto.id() != null) {
            assertThat(registry.find(dto.id())).isEmpty();
        }
    }

    private void assertActive(ServiceReference<ActionType> reference, String id) {
        registry.bindActionType(reference);
        assertThat(registry.registrations()).filteredOn(dto -> id.equals(dto.id())).singleElement()
                .satisfies(dto -> {
                    assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE);
                    assertThat(dto.reason()).isNull();
                });
        assertThat(registry.find(id)).isPresent();
    }
}
