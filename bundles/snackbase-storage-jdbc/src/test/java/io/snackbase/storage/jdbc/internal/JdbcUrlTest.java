package io.snackbase.storage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.storage.DatabaseKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void recognisesTheThreeProducts() {
        assertThat(JdbcUrl.parse("jdbc:sqlite:/tmp/x.db").kind()).isEqualTo(DatabaseKind.SQLITE);
        assertThat(JdbcUrl.parse("jdbc:postgresql://h/db").kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(JdbcUrl.parse("jdbc:mariadb://h/db").kind()).isEqualTo(DatabaseKind.MYSQL);
        assertThat(JdbcUrl.parse("jdbc:mysql://h/db").url()).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void refusesOtherProductsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:oracle:thin:@h?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported database URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    void configuredUrlWinsThenEnvironmentThenEmbeddedSqlite() {
        Path home = Path.of("/srv/sb");
        assertThat(JdbcUrl.resolve("jdbc:postgresql://a/b", "jdbc:mariadb://c/d", home).kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(JdbcUrl.resolve(" ", "jdbc:mariadb://c/d", home).kind()).isEqualTo(DatabaseKind.MYSQL);
        assertThat(JdbcUrl.resolve("", null, home).url()).isEqualTo("jdbc:sqlite:/srv/sb/data/snackbase.db");
    }

    @Test
    void redactsPasswords() {
        assertThat(JdbcUrl.redact("jdbc:postgresql://h/db?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(JdbcUrl.redact("jdbc:mariadb://u:p@h/db")).isEqualTo("jdbc:mariadb://u:***@h/db");
    }
}
