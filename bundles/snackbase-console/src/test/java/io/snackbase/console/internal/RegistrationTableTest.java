package io.snackbase.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationTableTest {

    @Test
    void groupsByKindAndShowsStateAndReason() {
        String html = RegistrationTable.render(List.of(
                new RegistrationDTO("action_type", "example.echo", "acme.plugin", 12, 40, 10, List.of(), List.of(), RegistrationState.ACTIVE, null),
                new RegistrationDTO("action_type", "example.echo", "acme.old", 11, 39, 0, List.of(), List.of(), RegistrationState.SHADOWED, "shadowed by service 40"),
                new RegistrationDTO("hook_handler", null, "acme.plugin", 12, 41, 0, List.of("on_record_before_create"), List.of("orders"), RegistrationState.ACTIVE, null)));

        assertThat(html).contains("<h2>action_type (2)</h2>", "<h2>hook_handler (1)</h2>");
        assertThat(html).contains("<td>shadowed</td>", "<td>shadowed by service 40</td>", "<td>orders</td>");
        assertThat(html.indexOf("action_type")).isLessThan(html.indexOf("hook_handler"));
    }

    @Test
    void escapesPluginSuppliedText() {
        String html = RegistrationTable.render(List.of(new RegistrationDTO(
                "action_type", "<script>x</script>", "b", 1, 2, 0, List.of(), List.of(), RegistrationState.FAILED, "a & 'b'")));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;", "a &amp; &#39;b&#39;");
    }

    @Test
    void saysSoWhenNothingRuns() {
        assertThat(RegistrationTable.render(List.of())).contains("No SnackBase registries");
    }
}
