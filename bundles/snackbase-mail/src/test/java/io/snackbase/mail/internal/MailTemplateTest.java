package io.snackbase.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.mail.MailTemplates;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

    @Test
    void placeholdersWithAndWithoutSpacesAreReplaced() {
        assertThat(Placeholders.render("a {{x}} b {{ y }} c {{   x   }}", Map.of("x", "1", "y", "2"), false))
                .isEqualTo("a 1 b 2 c 1");
    }

    @Test
    void missingVariablesRenderEmpty() {
        assertThat(Placeholders.render("[{{ nothing }}]", Map.of(), false)).isEqualTo("[]");
    }

    @Test
    void valuesAreNotReinterpreted() {
        // A value holding $ or \ or a placeholder must come out literally, not be expanded again.
        assertThat(Placeholders.render("{{ a }}", Map.of("a", "$1 \\ {{ b }}", "b", "no"), false))
                .isEqualTo("$1 \\ {{ b }}");
    }

    @Test
    void htmlEscapesValuesButNotTheTemplate() {
        assertThat(Placeholders.render("<b>{{ name }}</b>", Map.of("name", "<script>\"x\" & 'y'</script>"), true))
                .isEqualTo("<b>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</b>");
        assertThat(Placeholders.render("{{ name }}", Map.of("name", "<i>"), false)).isEqualTo("<i>");
    }

    @Test
    void subjectStaysOnOneLine() {
        MailTemplate template = new MailTemplate("Hi {{ name }}", "", null);
        assertThat(template.renderSubject(Map.of("name", "a\r\nBcc: evil@example.com"))).isEqualTo("Hi a Bcc: evil@example.com");
    }

    @Test
    void everyBuiltInTypeHasThreeParts() {
        BuiltinTemplates templates = new BuiltinTemplates();
        for (String type : BuiltinTemplates.TYPES) {
            MailTemplate template = templates.get(type);
            assertThat(template.subject()).isNotBlank().doesNotContain("\n");
            assertThat(template.textBody()).contains("{{ app_name }}");
            assertThat(template.htmlBody()).contains("<html>");
        }
    }

    @Test
    void verificationTemplateUsesItsVariables() {
        MailTemplate template = new BuiltinTemplates().get(MailTemplates.EMAIL_VERIFICATION);
        Map<String, String> values = Map.of("app_name", "Acme", "verification_url", "https://x.test/v?t=1&u=2",
                "email", "ann@example.com");
        assertThat(template.renderSubject(values)).isEqualTo("Verify your email for Acme");
        assertThat(template.renderText(values)).contains("https://x.test/v?t=1&u=2").contains("ann@example.com");
        assertThat(template.renderHtml(values)).contains("href=\"https://x.test/v?t=1&amp;u=2\"");
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> new BuiltinTemplates().get("welcome"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("welcome");
    }
}
