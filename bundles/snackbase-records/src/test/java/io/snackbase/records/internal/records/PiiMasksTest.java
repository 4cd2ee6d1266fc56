package io.snackbase.records.internal.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact masks of domain.md §2.6. */
class PiiMasksTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "email|john@example.com|j***@example.com",
        "email|a@b.io|a***@b.io",
        "email|no-at-sign|no-at-sign",
        "email|@example.com|***@example.com",
        "ssn|123-45-6789|***-**-****",
        "ssn|123456789|***-**-****",
        "ssn|12-345|**-***",
        "ssn|AB1234567890|AB**********",
        "phone|+1-555-123-4567|+1-***-***-4567",
        "phone|+44 20 7946 0958|+44-***-***-0958",
        "phone|555-123-4567|***-***-4567",
        "phone|(555) 123 4567|***-***-4567",
        "phone|12a|**a",
        "phone|1234|***-***-1234",
        "name|John Doe|J*** D***",
        "name|alice|a***",
        "name|  Mary   Ann  Smith |M*** A*** S***",
        "full|secret|******",
        "custom|abc d|*****",
    })
    void masks(String type, String value, String masked) {
        assertThat(PiiMasks.mask(type, value)).isEqualTo(masked);
    }

    @Test
    void defaultsNullsAndNonStrings() {
        assertThat(PiiMasks.mask(null, "hello")).isEqualTo("*****");
        assertThat(PiiMasks.mask("FULL", "hi")).isEqualTo("**");
        assertThat(PiiMasks.mask("email", null)).isNull();
        assertThat(PiiMasks.mask("full", 12345.0)).isEqualTo("*****");
        assertThat(PiiMasks.mask("full", 1.5)).isEqualTo("***");
        assertThat(PiiMasks.mask("full", true)).isEqualTo("****");
        assertThat(PiiMasks.mask("ssn", 123456789.0)).isEqualTo("***-**-****");
        assertThat(PiiMasks.mask("full", Map.of("a", List.of(1)))).isEqualTo("*".repeat("{\"a\":[1]}".length()));
        assertThat(PiiMasks.mask("name", "")).isEqualTo("");
        assertThat(PiiMasks.mask("full", "")).isEqualTo("");
    }
}
