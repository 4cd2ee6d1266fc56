package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * List totals reused for a short time (RecordCounts): this instance's writes show at once, rows
 * written behind its back (another instance) show after the time to live, a rolled-back write
 * never shows, and every account, rule and filter has its own total.
 */
class ListTotalCacheTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private static final long TTL_MS = 400;
    private RecordsFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void totalsFollowThisInstancesWritesAndExpireForOthers(DatabaseKind kind) throws Exception {
        f = RecordsFixture.withCountCache(kind, TTL_MS);
        RecordsResource records = new RecordsResource(f.w.records);
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        Map<String, Object> body = new HashMap<>(Map.of("name", "orders", "fields", List.of(field("status", "text"))));
        body.putAll(Map.of("list_rule", "created_by = @request.auth.id", "view_rule", "", "create_rule", "", "update_rule", "",
                "delete_rule", ""));
        collections.create(body, request("superadmin"));
        String acme = f.account("acme");
        String globex = f.account("globex");
        ContainerRequestContext alice = RecordsResourceTest.as(new Principal("alice", "alice@acme.test", acme, "user", "jwt"));
        ContainerRequestContext bob = RecordsResourceTest.as(new Principal("bob", "bob@acme.test", acme, "user", "jwt"));
        ContainerRequestContext carol = RecordsResourceTest.as(new Principal("carol", "carol@globex.test", globex, "user", "jwt"));

        assertThat(total(records, alice, null)).isZero();
        String first = create(records, alice, "paid");
        assertThat(total(records, alice, null)).as("own write shows at once").isEqualTo(1);
        create(records, alice, "open");
        assertThat(total(records, alice, null)).isEqualTo(2);
        assertThat(total(records, alice, "status = \"paid\"")).as("each filter has its total").isEqualTo(1);
        assertThat(total(records, bob, null)).as("the rule's variables are in the key").isZero();
        assertThat(total(records, carol, null)).as("another account counts nothing").isZero();

        // a row written behind this instance's back (another instance sharing the database)
        String behind = f.insert("col_orders", acme, Map.of("status", "paid"));
        f.update("UPDATE col_orders SET created_by = ?, updated_by = ? WHERE id = ?", "alice", "alice", behind);
        assertThat(total(records, alice, null)).as("reused within the time to live").isEqualTo(2);
        Thread.sleep(TTL_MS * 2);
        assertThat(total(records, alice, null)).as("read again after it").isEqualTo(3);
        assertThat(total(records, carol, null)).isZero();

        // a write that rolls back leaves the cached total right
        assertThatThrownBy(() -> f.storage.transactions().inTransaction(() -> {
            create(records, alice, "void");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(total(records, alice, null)).isEqualTo(3);

        records.delete("orders", first, alice);
        assertThat(total(records, alice, null)).as("own delete shows at once").isEqualTo(2);
        assertThat(total(records, alice, "status = \"paid\"")).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static String create(RecordsResource records, ContainerRequestContext who, String status) {
        return (String) ((Map<String, Object>) records.create("orders", new HashMap<>(Map.of("status", status)), who).getEntity()).get("id");
    }

    private static long total(RecordsResource records, ContainerRequestContext who, String filter) {
        Map<String, List<String>> query = filter == null ? Map.of() : Map.of("filter", List.of(filter));
        return ((Number) records.list("orders", query, who).get("total")).longValue();
    }
}
