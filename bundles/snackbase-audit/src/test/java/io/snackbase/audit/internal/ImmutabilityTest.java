package io.snackbase.audit.internal;

import static io.snackbase.audit.internal.AuditFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.chain.Verification;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The database refuses changes to entries; with its triggers dropped by hand, verification finds them. */
class ImmutabilityTest {

    static List<DatabaseKind> kinds() {
        return AuditFixture.kinds();
    }

    private static AuditFixture withThreeWrites(DatabaseKind kind) throws Exception {
        AuditFixture f = AuditFixture.open(kind);
        f.create("r1", "one", 1, ROOT);
        f.create("r2", "two", 2, ROOT);
        f.create("r3", "three", 3, ROOT);
        // the tests tamper with the sealed entries by hand
        f.audit.sealPending();
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theDatabaseRefusesUpdateAndDelete(DatabaseKind kind) throws Exception {
        try (AuditFixture f = withThreeWrites(kind)) {
            assertThatThrownBy(() -> f.sql("UPDATE audit_log SET new_value = 'forged' WHERE id = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Audit log entries are immutable and cannot be updated");
            assertThatThrownBy(() -> f.sql("DELETE FROM audit_log WHERE id = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Audit log entries are immutable and cannot be deleted");
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThatThrownBy(() -> f.sql("TRUNCATE audit_log")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("cannot be deleted");
            }
            assertThat(f.entries()).hasSize(9);
            assertThat(f.entries().get(1).newValue).isEqualTo("one");
            assertThat(f.audit.verify(null).valid()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void verificationFindsATamperedEntryAtItsId(DatabaseKind kind) throws Exception {
        try (AuditFixture f = withThreeWrites(kind)) {
            f.dropTriggers();
            f.sql("UPDATE audit_log SET new_value = 'forged' WHERE id = 5");
            Verification v = f.audit.verify(null);
            assertThat(v.body()).containsEntry("valid", false).containsEntry("checked", 5L);
            assertThat(v.brokenId()).isEqualTo(5);
            assertThat(v.reason()).isEqualTo(Verification.CHECKSUM_MISMATCH);
            assertThat(f.audit.verify(6L).valid()).isTrue();
            assertThat(f.audit.verify(5L).brokenId()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aRecomputedChecksumBreaksTheNextLink(DatabaseKind kind) throws Exception {
        try (AuditFixture f = withThreeWrites(kind)) {
            f.dropTriggers();
            f.sql("UPDATE audit_log SET checksum = '" + "a".repeat(64) + "', previous_hash = previous_hash WHERE id = 4");
            // a forger who recomputed entry 4 would still leave entry 5 pointing at the old checksum;
            // here the stored checksum no longer matches either, so 4 is reported first
            assertThat(f.audit.verify(null).reason()).isEqualTo(Verification.CHECKSUM_MISMATCH);
            assertThat(f.audit.verify(5L).reason()).isEqualTo(Verification.BROKEN_LINK);
            assertThat(f.audit.verify(5L).brokenId()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void verificationFindsADeletedEntryAsAGap(DatabaseKind kind) throws Exception {
        try (AuditFixture f = withThreeWrites(kind)) {
            f.dropTriggers();
            f.sql("DELETE FROM audit_log WHERE id = 4");
            Verification v = f.audit.verify(null);
            assertThat(v.brokenId()).isEqualTo(4);
            assertThat(v.reason()).isEqualTo(Verification.GAP);
            // from 5 on, the missing anchor 4 is the break
            assertThat(f.audit.verify(5L).brokenId()).isEqualTo(4);
            f.sql("DELETE FROM audit_log WHERE id = 9");
            assertThat(f.audit.verify(6L).brokenId()).isEqualTo(9);
            assertThat(f.audit.verify(6L).reason()).isEqualTo(Verification.GAP);
            f.sql("DELETE FROM audit_log WHERE id = 1");
            assertThat(f.audit.verify(null).brokenId()).isEqualTo(1);
        }
    }
}
