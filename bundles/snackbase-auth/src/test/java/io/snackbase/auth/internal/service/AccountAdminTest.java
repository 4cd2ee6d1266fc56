package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AdminFixture;
import io.snackbase.auth.internal.store.AccountRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Account creation under collisions and concurrency, and the slug suffix rule. */
class AccountAdminTest {

    static List<DatabaseKind> kinds() {
        return AdminFixture.kinds();
    }

    @Test
    void suffixesStayWithin32Characters() {
        assertThat(AccountAdmin.suffixed("acme", 1)).isEqualTo("acme-1");
        assertThat(AccountAdmin.suffixed("a".repeat(32), 12)).isEqualTo("a".repeat(29) + "-12");
        // a cut that ends on a hyphen does not leave two in a row
        assertThat(AccountAdmin.suffixed("a".repeat(29) + "-bc", 5)).isEqualTo("a".repeat(29) + "-5");
    }

    @Test
    void namesAreTrimmedAndBounded() {
        assertThat(AccountAdmin.checkName(" Acme ")).isEqualTo("Acme");
        assertThat(AccountAdmin.checkName("x".repeat(255))).hasSize(255);
        assertFails(() -> AccountAdmin.checkName(null), 422, "Field required");
        assertFails(() -> AccountAdmin.checkName(""), 422, "String should have at least 1 character");
    }

    /** Concurrent creations race for the next code and for the generated slug; each gets its own. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentCreationsGetDistinctCodesAndSlugs(DatabaseKind kind) throws Exception {
        AdminFixture f = AdminFixture.on(kind);
        AccountAdmin admin = new AccountAdmin(f.store, f.w.accounts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<AccountRow> created = new ArrayList<>();
        try {
            List<Callable<AccountRow>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                work.add(() -> admin.create("Same Name", null));
            }
            for (Future<AccountRow> done : pool.invokeAll(work)) {
                created.add(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(created).extracting(a -> a.accountCode).doesNotHaveDuplicates();
        assertThat(created).extracting(a -> a.slug).containsExactlyInAnyOrder("same-name", "same-name-1", "same-name-2",
                "same-name-3", "same-name-4", "same-name-5", "same-name-6", "same-name-7");
        assertThat(f.store.accounts.count(null)).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentCreationsOfOneGivenSlugLeaveOneWinner(DatabaseKind kind) throws Exception {
        AdminFixture f = AdminFixture.on(kind);
        AccountAdmin admin = new AccountAdmin(f.store, f.w.accounts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(() -> {
                    try {
                        return admin.create("Contested", "contested");
                    } catch (io.snackbase.api.errors.ApiException e) {
                        return e.status() + " " + e.getMessage();
                    }
                });
            }
            for (Future<Object> done : pool.invokeAll(work)) {
                outcomes.add(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(o -> o instanceof AccountRow).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof String).containsOnly("422 Slug 'contested' already exists");
    }
}
