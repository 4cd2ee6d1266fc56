package io.snackbase.automation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private static final Map<String, Object> VARIABLES = Map.of(
            "record", Map.of("title", "Hi", "n", 3, "tags", List.of("a", "b"), "nested", Map.of("k", "v")),
            "auth", Map.of("user_id", "u1", "email", ""),
            "now", "2026-12-03T08:00:00Z");

    @Test
    void rendersKnownValuesAndMissingOnesAsEmpty() {
        assertThat(Templates.render("{{record.title}} #{{ record.n }} by {{auth.user_id}}<{{auth.email}}> at {{now}}", VARIABLES))
                .isEqualTo("Hi #3 by u1<> at 2026-12-03T08:00:00Z");
        assertThat(Templates.render("[{{record.missing}}][{{record.title.deeper}}][{{previous.title}}]", VARIABLES)).isEqualTo("[][][]");
        assertThat(Templates.render("{{record.tags}} {{record.nested}}", VARIABLES)).isEqualTo("[\"a\",\"b\"] {\"k\":\"v\"}");
        assertThat(Templates.render("no placeholders }} here", VARIABLES)).isEqualTo("no placeholders }} here");
        assertThat(Templates.render("left {{record.title", VARIABLES)).isEqualTo("left {{record.title");
    }

    @Test
    void theSaveCheckRefusesUnclosedMalformedAndUnknownPlaceholders() {
        assertThat(Templates.problems("{{record.title}} and {{ auth.email }} {{now}} {{record}} {{hook.name}}")).isEmpty();
        assertThat(Templates.problems("Hello {{record.title")).containsExactly("unclosed '{{' at position 6");
        assertThat(Templates.problems("{{record.a {{record.b}}")).singleElement().asString().startsWith("unclosed '{{' before");
        assertThat(Templates.problems("{{}}")).singleElement().asString().startsWith("malformed placeholder '{{}}'");
        assertThat(Templates.problems("{{record..x}}")).singleElement().asString().startsWith("malformed placeholder");
        assertThat(Templates.problems("{{Record.x}}")).singleElement().asString().startsWith("malformed placeholder");
        assertThat(Templates.problems("{{env.HOME}}")).singleElement().asString().startsWith("unknown variable '{{env.HOME}}'");
        assertThat(Templates.problems("{{auth.password}}")).singleElement().asString().contains("'auth' has account_id, email, role, user_id");
        assertThat(Templates.problems("{{auth}}")).singleElement().asString().contains("needs a member");
        assertThat(Templates.problems("{{now.year}}")).containsExactly("'{{now}}' has no members");
    }

    @Test
    void deepProblemsLookInsideMapsAndLists() {
        assertThat(Templates.deepProblems(Map.of("data", Map.of("a", List.of("ok {{record.id}}", "bad {{x")), "n", 5))).hasSize(1);
        assertThat(Templates.deepProblems(Map.of("to", "{{record.email}}"))).isEmpty();
    }
}
