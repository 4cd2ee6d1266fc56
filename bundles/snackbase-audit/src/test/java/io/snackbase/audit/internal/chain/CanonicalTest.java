package io.snackbase.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.audit.internal.store.AuditRow;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checksum of domain.md 4.2, byte for byte. */
class CanonicalTest {

    static AuditRow example() {
        AuditRow r = new AuditRow();
        r.accountId = "acc";
        r.operation = "CREATE";
        r.tableName = "col_posts";
        r.recordId = "r1";
        r.columnName = "title";
        r.newValue = "Café";
        r.userId = "u1";
        r.userEmail = "a@b.c";
        r.userName = "a@b.c";
        r.occurredAt = Times.micros(Instant.parse("2026-01-01T10:00:00.123456Z"));
        return r;
    }

    @Test
    void knownAnswerOfTheWorkedExample() {
        AuditRow r = example();
        Map<String, Object> metadata = Map.of("auth_method", "jwt");
        assertThat(Canonical.json(r, metadata)).isEqualTo("{\"account_id\": \"acc\", \"column_name\": \"title\", "
                + "\"es_reason\": null, \"es_timestamp\": null, \"es_username\": null, \"extra_metadata\": {\"auth_method\": \"jwt\"}, "
                + "\"ip_address\": null, \"new_value\": \"Caf\\u00e9\", \"occurred_at\": \"2026-01-01T10:00:00.123456\", "
                + "\"old_value\": null, \"operation\": \"CREATE\", \"previous_hash\": null, \"record_id\": \"r1\", "
                + "\"request_id\": null, \"table_name\": \"col_posts\", \"user_agent\": null, \"user_email\": \"a@b.c\", "
                + "\"user_id\": \"u1\", \"user_name\": \"a@b.c\"}");
        assertThat(Canonical.checksum(r, metadata)).isEqualTo("50c169e3749449179d81835ee8a0933d8b35eba89d1ec06beb2fd95cf6b5674d");
    }

    @Test
    void timesDropZeroMicrosecondsAndTheZone() {
        assertThat(Times.canonical(Times.micros(Instant.parse("2026-01-01T10:00:00Z")))).isEqualTo("2026-01-01T10:00:00");
        assertThat(Times.canonical(Times.micros(Instant.parse("2026-01-01T10:00:00.000001Z")))).isEqualTo("2026-01-01T10:00:00.000001");
        assertThat(Times.iso(Times.micros(Instant.parse("2026-01-01T10:00:00.5Z")))).isEqualTo("2026-01-01T10:00:00.500000+00:00");
        assertThat(Times.instant(Times.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void escapesLikePythonEnsureAscii() {
        StringBuilder out = new StringBuilder();
        Canonical.string(out, "a\"b\\c\n\t\u0001\u007f😀~");
        assertThat(out).hasToString("\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\\ud83d\\ude00~\"");
    }

    @Test
    void metadataKeysAreSortedAndTheChainFieldCounts() {
        AuditRow r = example();
        String a = Canonical.checksum(r, Map.of("b", 1, "a", true));
        assertThat(Canonical.json(r, Map.of("b", 1, "a", true))).contains("\"extra_metadata\": {\"a\": true, \"b\": 1}");
        r.previousHash = "0".repeat(64);
        assertThat(Canonical.checksum(r, Map.of("b", 1, "a", true))).isNotEqualTo(a).hasSize(64).matches("[0-9a-f]+");
    }
}
