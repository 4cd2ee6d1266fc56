package io.snackbase.auth.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.errors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slug generation and validation, and the account-code sequence. */
class SlugsAndCodesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Account 123_x|account-123-x",
        "  Acme   Corp!! |acme-corp",
        "Ünïcödé Café|unicode-cafe",
        "123 Numbers First|numbers-first",
        "--a--|account",
        "日本|account",
        "This is a very long account name that goes on and on|this-is-a-very-long-account-name",
    })
    void registrationSlugsFromNames(String name, String slug) {
        assertThat(Slugs.fromName(name)).isEqualTo(slug);
    }

    @Test
    void registrationSlugProblemsHaveTheContractsCodes() {
        assertThat(Slugs.checkRegistration("ab")).map(FieldError::code).contains("slug_too_short");
        assertThat(Slugs.checkRegistration("a".repeat(33))).map(FieldError::code).contains("slug_too_long");
        assertThat(Slugs.checkRegistration("9lives")).map(FieldError::code).contains("slug_invalid_start");
        assertThat(Slugs.checkRegistration("bad_slug")).map(FieldError::code).contains("slug_invalid_chars");
        assertThat(Slugs.checkRegistration("good-slug-1")).isEmpty();
    }

    @Test
    void adminSlugsFromNamesAndChecks() {
        assertThat(Slugs.fromNameForAdmin("Big Co")).isEqualTo("big-co");
        assertThat(Slugs.fromNameForAdmin("X")).isEqualTo("account-x");
        assertThat(Slugs.checkAdmin("1st-co")).isEmpty();
        assertThat(Slugs.checkAdmin("no")).isPresent();
        assertThat(Slugs.checkAdmin("Upper")).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"AA0001,AA0002", "AA9999,AB0000", "AZ9999,BA0000", "SX9999,SZ0000", "SY0001,SZ0000"})
    void codesCountUpAndSkipSy(String highest, String next) {
        assertThat(AccountCodes.next(highest)).isEqualTo(next);
    }

    @Test
    void theFirstCodeAndExhaustion() {
        assertThat(AccountCodes.next(null)).isEqualTo("AA0001");
        assertThatThrownBy(() -> AccountCodes.next("ZZ9999")).isInstanceOf(IllegalStateException.class);
    }
}
