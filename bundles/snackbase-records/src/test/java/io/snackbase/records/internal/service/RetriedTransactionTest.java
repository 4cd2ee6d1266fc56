package io.snackbase.records.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link CollectionStore#inRetriedTransaction}: deadlock victims run again, other failures and joined work do not. */
class RetriedTransactionTest {

    private static RuntimeException failure(String state) {
        return new RuntimeException("wrapped", new SQLException("deadlock detected", state));
    }

    @Test
    void rolledBackWorkRunsAgainOthersDoNot() throws Exception {
        try (RecordsFixture f = RecordsFixture.open(DatabaseKind.SQLITE)) {
            CollectionStore store = f.w.store;
            AtomicInteger runs = new AtomicInteger();
            // a PostgreSQL deadlock (40P01) and a MariaDB one (40001), then success
            String result = store.inRetriedTransaction(() -> {
                int n = runs.incrementAndGet();
                if (n <= 2) {
                    throw failure(n == 1 ? "40P01" : "40001");
                }
                return "ok";
            });
            assertThat(result).isEqualTo("ok");
            assertThat(runs).hasValue(3);

            runs.set(0);
            assertThatThrownBy(() -> store.inRetriedTransaction(() -> {
                runs.incrementAndGet();
                throw failure("23505");
            })).hasMessage("wrapped");
            assertThat(runs).hasValue(1);

            // always a victim: it gives up after WRITE_ATTEMPTS runs
            runs.set(0);
            assertThatThrownBy(() -> store.inRetriedTransaction(() -> {
                runs.incrementAndGet();
                throw failure("40P01");
            })).hasMessage("wrapped");
            assertThat(runs).hasValue(CollectionStore.WRITE_ATTEMPTS);

            // inside a caller's transaction: once, the caller decides
            runs.set(0);
            assertThatThrownBy(() -> store.inTransaction(() -> store.inRetriedTransaction(() -> {
                runs.incrementAndGet();
                throw failure("40P01");
            }))).hasMessage("wrapped");
            assertThat(runs).hasValue(1);
        }
    }
}
