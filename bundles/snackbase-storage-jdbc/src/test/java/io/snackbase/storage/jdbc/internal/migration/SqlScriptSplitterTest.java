package io.snackbase.storage.jdbc.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptSplitterTest {

    @Test
    void splitsOnLineEndingSemicolonsAndDropsCommentLines() {
        assertThat(SqlScriptSplitter.split("-- header\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void keepsSemicolonsInsideStringsAndMultiLineStrings() {
        assertThat(SqlScriptSplitter.split("INSERT INTO a VALUES ('x;\ny;');\nSELECT 1;"))
                .containsExactly("INSERT INTO a VALUES ('x;\ny;')", "SELECT 1");
    }

    @Test
    void keepsTriggerBodiesWhole() {
        String sqlite = "CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\nSELECT 2;";
        assertThat(SqlScriptSplitter.split(sqlite))
                .containsExactly("CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND", "SELECT 2");
    }

    @Test
    void keepsPostgresDollarBodiesWhole() {
        String pg = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RAISE EXCEPTION 'x';\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 3;";
        assertThat(SqlScriptSplitter.split(pg)).hasSize(2).last().isEqualTo("SELECT 3");
        assertThat(SqlScriptSplitter.split(pg).get(0)).endsWith("$$ LANGUAGE plpgsql");
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertThat(SqlScriptSplitter.split("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void unterminatedStringIsAnError() {
        assertThatThrownBy(() -> SqlScriptSplitter.split("INSERT INTO a VALUES ('open;\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
