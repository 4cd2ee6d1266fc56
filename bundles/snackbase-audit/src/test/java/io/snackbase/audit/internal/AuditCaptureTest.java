package io.snackbase.audit.internal;

import static io.snackbase.audit.internal.AuditFixture.ACCOUNT;
import static io.snackbase.audit.internal.AuditFixture.ROOT;
import static io.snackbase.audit.internal.AuditFixture.TABLE;
import static io.snackbase.audit.internal.AuditFixture.TENANT_ADMIN;
import static io.snackbase.audit.internal.AuditFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.audit.AuditEntry;
import io.snackbase.api.audit.ElectronicSignature;
import io.snackbase.api.audit.RecordChange;
import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.chain.Times;
import io.snackbase.audit.internal.store.AuditRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What one audited write stores, on every database: which columns, which values, and nothing on rollback. */
class AuditCaptureTest {

    static List<DatabaseKind> kinds() {
        return AuditFixture.kinds();
    }

    private AuditFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createWritesEveryColumnUpdateOnlyTheChangedOnesDeleteEveryOldValue(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        f.create("r1", "Café", 3, TENANT_ADMIN);
        List<AuditRow> created = f.entries();
        assertThat(created).extracting(r -> r.columnName).containsExactly("id", "title", "views");
        assertThat(created).extracting(r -> r.newValue).containsExactly("r1", "Café", "3");
        assertThat(created).allSatisfy(r -> {
            assertThat(r.operation).isEqualTo("CREATE");
            assertThat(r.oldValue).isNull();
            assertThat(r.tableName).isEqualTo(TABLE);
            assertThat(r.recordId).isEqualTo("r1");
            assertThat(r.accountId).isEqualTo(ACCOUNT);
            assertThat(r.userId).isEqualTo(TENANT_ADMIN.userId());
            assertThat(r.userEmail).isEqualTo("admin@acme.io");
            assertThat(r.userName).isEqualTo("admin@acme.io");
            assertThat(r.ipAddress).isEqualTo("10.0.0.1");
            assertThat(r.userAgent).isEqualTo("junit");
            assertThat(r.requestId).isEqualTo("cid_0123456789ab");
            assertThat(r.extraMetadata).isEqualTo("{\"auth_method\":\"jwt\"}");
            assertThat(r.occurredAt).isEqualTo(created.get(0).occurredAt);
        });
        assertThat(created).extracting(r -> r.id).containsExactly(1L, 2L, 3L);
        assertThat(created.get(0).previousHash).isNull();

        f.update("r1", "Café", 3, "Café", 4, TENANT_ADMIN);
        List<AuditRow> updated = f.entries().subList(3, f.entries().size());
        assertThat(updated).singleElement().satisfies(r -> {
            assertThat(r.operation).isEqualTo("UPDATE");
            assertThat(r.columnName).isEqualTo("views");
            assertThat(r.oldValue).isEqualTo("3");
            assertThat(r.newValue).isEqualTo("4");
        });

        f.update("r1", "Café", 4, "Café", 4, TENANT_ADMIN);
        assertThat(f.entries()).hasSize(4);

        f.storage.transactions().inTransaction(() -> {
            f.rows.delete("r1");
            f.audit.recordChange(RecordChange.deleted(TABLE, "r1", ACCOUNT, AuditFixture.row("r1", "Café", 4)), as(TENANT_ADMIN));
            return null;
        });
        List<AuditRow> deleted = f.entries().subList(4, 7);
        assertThat(deleted).extracting(r -> r.operation).containsOnly("DELETE");
        assertThat(deleted).extracting(r -> r.oldValue).containsExactly("r1", "Café", "4");
        assertThat(deleted).extracting(r -> r.newValue).containsOnlyNulls();
        assertThat(f.audit.verify(null).valid()).isTrue();
        assertThat(f.audit.verify(null).checked()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aRolledBackWriteLeavesNoEntryAndNoUsedId(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        RecordingSinkHolder sink = new RecordingSinkHolder(f);
        assertThatThrownBy(() -> f.storage.transactions().inTransaction(() -> {
            f.rows.insert("r1", "lost", 1);
            f.audit.recordChange(RecordChange.created(TABLE, "r1", ACCOUNT, AuditFixture.row("r1", "lost", 1)), as(ROOT));
            throw new IllegalStateException("the write fails after auditing");
        })).hasMessage("the write fails after auditing");
        assertThat(f.entries()).isEmpty();
        assertThat(f.audit.mapper.head().lastId).isZero();

        f.create("r2", "kept", 1, ROOT);
        assertThat(f.entries()).extracting(r -> r.id).containsExactly(1L, 2L, 3L);
        AuditFixture.eventually(() -> sink.sink.received.size() == 3);
        Thread.sleep(100);
        assertThat(sink.sink.received).extracting(AuditEntry::recordId).containsOnly("r2");
        assertThat(sink.sink.received).extracting(AuditEntry::id).containsExactly(1L, 2L, 3L);
        assertThat(sink.sink.received.get(2).checksum()).isEqualTo(f.entries().get(2).checksum);
    }

    /** Registers a recording sink and a failing one: the failing one changes nothing for the other or the writer. */
    private static final class RecordingSinkHolder {
        final AuditFixture.RecordingSink sink = new AuditFixture.RecordingSink();

        RecordingSinkHolder(AuditFixture f) {
            f.audit.addSink(entries -> {
                throw new IllegalStateException("a broken sink");
            });
            f.audit.addSink(sink);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void secretsAreMaskedAndSignaturesKept(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        Instant signed = Instant.parse("2026-03-01T08:00:00.000042Z");
        f.storage.transactions().inTransaction(() -> {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("email", "x@y.z");
            values.put("Password_Hash", "$argon2id$...");
            values.put("token_hash", null);
            values.put("created_at", Instant.parse("2026-03-01T08:00:00Z"));
            values.put("active", true);
            values.put("tags", List.of("a", "b"));
            f.audit.recordChange(RecordChange.created("users", "u9", ACCOUNT, values)
                    .withSignature(new ElectronicSignature("signer", "approval", signed)), as(ROOT));
            return null;
        });
        List<AuditRow> rows = f.entries();
        assertThat(rows).extracting(r -> r.newValue)
                .containsExactly("x@y.z", "***", null, "2026-03-01T08:00:00+00:00", "true", "[\"a\",\"b\"]");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.esUsername).isEqualTo("signer");
            assertThat(r.esReason).isEqualTo("approval");
            assertThat(r.esTimestamp).isEqualTo(Times.micros(signed));
            assertThat(r.accountId).isEqualTo(ACCOUNT);
        });
        assertThat(f.audit.verify(null).valid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void nothingIsWrittenWhenOffForAnonymousOrSystemCallersOrForNeverAuditedTables(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind, new AuditSettings(false, 10_000, 1_000));
        f.create("r1", "t", 1, ROOT);
        assertThat(f.audit.enabled()).isFalse();
        assertThat(f.entries()).isEmpty();
        f.close();

        f = AuditFixture.open(kind);
        f.create("r2", "t", 1, Principal.anonymous(ACCOUNT));
        f.create("r3", "t", 1, Principal.system());
        f.storage.transactions().inTransaction(() -> {
            f.audit.recordChange(RecordChange.created("refresh_tokens", "t1", ACCOUNT, Map.of("token_hash", "h")), as(ROOT));
            f.audit.recordChange(RecordChange.created("Audit_Log", "1", ACCOUNT, Map.of("x", "y")), as(ROOT));
            return null;
        });
        assertThat(f.entries()).isEmpty();
        assertThatThrownBy(() -> f.audit.recordChange(RecordChange.created(TABLE, "r4", ACCOUNT, Map.of("id", "r4")), as(ROOT)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the write's transaction");
    }
}
