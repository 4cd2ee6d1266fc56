package io.snackbase.rest.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeReportTest {

    private static RegistrationSource source(String kind, RegistrationDTO... registrations) {
        return new RegistrationSource() {
            @Override public String kind() { return kind; }
            @Override public List<RegistrationDTO> registrations() { return List.of(registrations); }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupsByKindWithSnakeCaseFieldsAndCounts() {
        Map<String, Object> body = RuntimeReport.of(List.of(
                source("hook_handler", new RegistrationDTO("hook_handler", null, "b", 3, 30, 0, List.of("on_serve"), List.of(), RegistrationState.FAILED, "no events")),
                source("action_type",
                        new RegistrationDTO("action_type", "example.echo", "p2", 5, 51, 10, List.of(), List.of(), RegistrationState.ACTIVE, null),
                        new RegistrationDTO("action_type", "example.echo", "p1", 4, 50, 0, List.of(), List.of(), RegistrationState.SHADOWED, "shadowed by service 51"))));

        assertThat(body.get("registries")).isEqualTo(List.of("action_type", "hook_handler"));
        assertThat(body.get("total")).isEqualTo(3);
        Map<String, List<Map<String, Object>>> byKind = (Map<String, List<Map<String, Object>>>) body.get("registrations");
        assertThat(byKind.get("action_type")).extracting(m -> m.get("service_id")).containsExactly(50L, 51L);
        assertThat(byKind.get("action_type").get(0)).containsEntry("state", "shadowed").containsEntry("bundle_id", 4L);
        assertThat(byKind.get("hook_handler").get(0)).containsEntry("reason", "no events").containsEntry("id", null);
    }
}
