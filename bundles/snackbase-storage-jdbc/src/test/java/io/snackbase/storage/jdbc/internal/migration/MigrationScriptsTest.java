package io.snackbase.storage.jdbc.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.storage.DatabaseKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    private static final Map<String, String> FILES = Map.of(
            "V10__later.sql", "ten",
            "V2__second.sql", "generic two",
            "V2__second.postgresql.sql", "pg two",
            "V1__first.sql", "one");

    @Test
    void ordersByNumberNotByName() {
        assertThat(MigrationScripts.select(FILES, DatabaseKind.SQLITE))
                .extracting(MigrationScript::version)
                .containsExactly(1, 2, 10);
    }

    @Test
    void dialectVariantReplacesTheGenericScript() {
        assertThat(MigrationScripts.select(FILES, DatabaseKind.POSTGRESQL).get(1).sql()).isEqualTo("pg two");
        assertThat(MigrationScripts.select(FILES, DatabaseKind.MYSQL).get(1).sql()).isEqualTo("generic two");
    }

    @Test
    void badNamesAndMissingVariantsAreRefused() {
        assertThatThrownBy(() -> MigrationScripts.select(Map.of("create.sql", ""), DatabaseKind.SQLITE))
                .hasMessageContaining("is not named");
        assertThatThrownBy(() -> MigrationScripts.select(Map.of("V1__a.sql", "", "V1__b.sql", ""), DatabaseKind.SQLITE))
                .hasMessageContaining("two descriptions");
        assertThatThrownBy(() -> MigrationScripts.select(Map.of("V1__a.mysql.sql", ""), DatabaseKind.SQLITE))
                .hasMessageContaining("no script for sqlite");
    }

    @Test
    void checksumChangesWithTheText() {
        assertThat(new MigrationScript(1, "a", "x").checksum())
                .hasSize(64)
                .isNotEqualTo(new MigrationScript(1, "a", "y").checksum());
    }
}
