package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /records/{c}/aggregate} on every database. */
@SuppressWarnings("unchecked")
class RecordAggregateResourceTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private RecordAggregateResource aggregates;
    private String accB;
    private ContainerRequestContext alice;
    private ContainerRequestContext carol;
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind, Map<String, Object> rules) throws Exception {
        f = RecordsFixture.open(kind);
        records = new RecordsResource(f.w.records);
        aggregates = new RecordAggregateResource(f.w.records);
        String accA = f.account("acme");
        accB = f.account("beta");
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", accA, "user", "jwt"));
        carol = RecordsResourceTest.as(new Principal("u-carol", "carol@beta.test", accB, "user", "jwt"));
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        Map<String, Object> body = new HashMap<>(Map.of("name", "sales", "fields", List.of(field("price", "number"), field("region", "text"),
                field("at", "datetime"), field("day", "date"), field("active", "boolean"), field("meta", "json"),
                field("dbl", "computed", "expression", "price * 2", "return_type", "number"),
                field("zone", "computed", "expression", "upper(region)", "return_type", "text"),
                field("next", "computed", "expression", "date_add(at, 1, \"days\")", "return_type", "datetime"))));
        Map<String, Object> open = new HashMap<>(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        open.putAll(rules);
        body.putAll(open);
        collections.create(body, root);
        Object[][] rows = {{10, "north", "2024-01-01T00:00:00Z", true}, {20, "north", "2024-01-03T00:00:00Z", false},
            {5, "south", "2024-01-02T00:00:00Z", true}, {null, null, null, null}, {7.5, "east", "2024-01-05T00:00:00Z", true},
            {2.5, "east", "2023-12-31T00:00:00Z", false}};
        for (Object[] r : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("price", r[0]);
            values.put("region", r[1]);
            values.put("at", r[2]);
            values.put("active", r[3]);
            records.create("sales", values, alice);
        }
        for (int i = 0; i < 3; i++) {
            records.create("sales", new LinkedHashMap<>(Map.of("price", 1000, "region", "north")), carol);
        }
    }

    private Map<String, Object> agg(ContainerRequestContext who, String functions, String groupBy, String filter, String having) {
        return aggregates.aggregate("sales", functions, groupBy, filter, having, who);
    }

    private static List<Map<String, Object>> results(Map<String, Object> out) {
        return (List<Map<String, Object>>) out.get("results");
    }

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void totalsGroupsAndHaving(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        Map<String, Object> all = agg(alice, "count(), count(region), sum(price),avg(price), MIN(price), max(price), min(at), max(region)",
                null, null, null);
        assertThat(all).containsEntry("total_groups", 1);
        assertThat(results(all)).containsExactly(Map.of("count", 6L, "count_region", 5L, "sum_price", 45.0, "avg_price", 9.0,
                "min_price", 2.5, "max_price", 20.0, "min_at", "2023-12-31T00:00:00.000000Z", "max_region", "south"));
        // nothing matches: count 0, the others null
        Map<String, Object> none = results(agg(alice, "count(),sum(price)", "", "price > 1000", "")).get(0);
        assertThat(none).containsEntry("count", 0L).containsEntry("sum_price", null);

        Map<String, Object> grouped = agg(alice, "count(),sum(price)", "region", null, null);
        assertThat(grouped).containsEntry("total_groups", 4);
        List<Map<String, Object>> rows = results(grouped);
        assertThat(rows.get(0)).containsEntry("region", null).containsEntry("count", 1L).containsEntry("sum_price", null);
        assertThat(rows.subList(1, 4)).containsExactly(Map.of("region", "east", "count", 2L, "sum_price", 10.0),
                Map.of("region", "north", "count", 2L, "sum_price", 30.0), Map.of("region", "south", "count", 1L, "sum_price", 5.0));
        Map<String, Object> two = agg(alice, "count()", "region,active", "price >= 5", null);
        assertThat(results(two)).contains(Map.of("region", "north", "active", true, "count", 1L)).hasSize(4);

        assertThat(results(agg(alice, "count(),sum(price)", "region", null, "count() > 1"))).extracting(m -> m.get("region"))
                .containsExactly("east", "north");
        assertThat(results(agg(alice, "count(),sum(price)", "region", null, "sum_price >= 10 AND count > 1"))).extracting(m -> m.get("region"))
                .containsExactly("east", "north");
        assertThat(results(agg(alice, "count(),sum(price)", "region", null, "sum(price) = 5 or (count = 2 && sum_price < 20)")))
                .extracting(m -> m.get("region")).containsExactly("east", "south");
        assertThat(results(agg(alice, "count(),min(at)", "region", null, "min_at < '2024-01-02T00:00:00Z' || count = -1")))
                .extracting(m -> m.get("region")).containsExactly("east", "north");
        assertThat(results(agg(alice, "max(region)", "active", null, "max_region = 'south'"))).extracting(m -> m.get("active"))
                .containsExactly(true);
        // a filter narrows before aggregating
        assertThat(results(agg(alice, "count()", null, "region = 'north' || region = 'east'", null)).get(0)).containsEntry("count", 4L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void computedFieldsAggregateAndGroup(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        assertThat(results(agg(alice, "sum(dbl),avg(dbl),min(dbl),max(dbl),count(dbl),max(zone),min(next)", null, null, null)))
                .containsExactly(Map.of("sum_dbl", 90.0, "avg_dbl", 18.0, "min_dbl", 5.0, "max_dbl", 40.0, "count_dbl", 5L,
                        "max_zone", "SOUTH", "min_next", "2024-01-01T00:00:00.000000Z"));
        List<Map<String, Object>> byZone = results(agg(alice, "count(),sum(dbl)", "zone", null, "sum_dbl > 15"));
        assertThat(byZone).containsExactly(Map.of("zone", "EAST", "count", 2L, "sum_dbl", 20.0), Map.of("zone", "NORTH", "count", 2L,
                "sum_dbl", 60.0));
        // a filter on a computed field before aggregating, and grouping by a computed date-time
        assertThat(results(agg(alice, "count()", null, "dbl >= 15", null)).get(0)).containsEntry("count", 3L);
        assertThat(results(agg(alice, "count()", "next", "zone = 'NORTH'", null))).extracting(m -> m.get("next"))
                .containsExactly("2024-01-02T00:00:00.000000Z", "2024-01-04T00:00:00.000000Z");
        // computed fields follow the types of their return_type, and other accounts' rows stay out
        assertThat(failure(() -> agg(alice, "sum(zone)", null, null, null)).error()).isEqualTo("Invalid aggregation functions");
        assertThat(results(agg(carol, "sum(dbl)", "zone", null, null))).containsExactly(Map.of("zone", "NORTH", "sum_dbl", 6000.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tenantsNeverMix(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        assertThat(results(agg(alice, "count(),sum(price)", null, "account_id = '" + accB + "'", null)).get(0)).containsEntry("count", 0L);
        assertThat(results(agg(alice, "count()", null, "account_id != 'x' || price > 0", null)).get(0)).containsEntry("count", 6L);
        assertThat(results(agg(carol, "count(),sum(price)", null, null, null)).get(0)).containsEntry("count", 3L).containsEntry("sum_price", 3000.0);
        assertThat(results(agg(alice, "count()", "account_id", null, null))).hasSize(1);
        // the superadmin sees every account
        assertThat(results(agg(root, "count()", null, null, null)).get(0)).containsEntry("count", 9L);
        assertThat(results(agg(root, "count()", "account_id", null, null))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyErrorLabel(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        for (String bad : new String[] {null, "", "foo(price)", "sum(region)", "avg(at)", "min(meta)", "min(active)", "sum()", "count(),count()",
            "count(nope)", "count(", "count() AS x", "sum(price), SUM(price)"}) {
            ApiException e = failure(() -> agg(alice, bad, null, null, null));
            assertThat(e.status()).as(bad).isEqualTo(400);
            assertThat(e.error()).as(bad).isEqualTo("Invalid aggregation functions");
        }
        for (String bad : List.of("nope", "region,region", " ,", "count")) {
            ApiException e = failure(() -> agg(alice, "count()", bad, null, null));
            assertThat(e.error()).as(bad).isEqualTo("Invalid group_by");
        }
        ApiException filter = failure(() -> agg(alice, "count()", null, "nope = 1", null));
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.error()).isEqualTo("Invalid filter expression");
        for (String bad : List.of("nope > 1", "sum_price > 1", "count > 'a'", "count >", "count() > 1 AND", "count ~ 1", "max_region > 5",
                "count > 1; DROP TABLE col_sales", "(count > 1", "count > 1)", "count = 99999999999999999999999", "min_at > 'yesterday'",
                "count > 1 OR 1 = 1")) {
            ApiException e = failure(() -> agg(alice, "count(),max(region),min(at)", "region", null, bad));
            assertThat(e.status()).as(bad).isEqualTo(400);
            assertThat(e.error()).as(bad).isEqualTo("Invalid having expression");
        }
        ApiException missing = failure(() -> aggregates.aggregate("nope", "count()", null, null, null, alice));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("Collection not found");
        assertThat(missing.getMessage()).isEqualTo("Collection 'nope' does not exist");
        assertThat(f.column("SELECT COUNT(*) FROM col_sales").get(0).toString()).isEqualTo("9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theListRuleAndListFieldsApply(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of("list_rule", "region = 'north' || region = 'south'", "list_fields", "[\"region\"]"));
        assertThat(results(agg(alice, "count()", "region", null, null))).containsExactly(Map.of("region", "north", "count", 2L),
                Map.of("region", "south", "count", 1L));
        assertThat(failure(() -> agg(alice, "sum(price)", null, null, null)).error()).isEqualTo("Invalid aggregation functions");
        assertThat(failure(() -> agg(alice, "count()", "price", null, null)).error()).isEqualTo("Invalid group_by");
        assertThat(failure(() -> agg(alice, "sum(dbl)", null, null, null)).error()).isEqualTo("Invalid aggregation functions");
        assertThat(failure(() -> agg(alice, "count()", "zone", null, null)).error()).isEqualTo("Invalid group_by");
        assertThat(results(agg(root, "sum(price)", null, null, null)).get(0)).containsEntry("sum_price", 3045.0);
        assertThat(failure(() -> agg(RecordsResourceTest.anonymous("acme"), "count()", null, null, null)).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aLockedListRuleIsForbidden(DatabaseKind kind) throws Exception {
        Map<String, Object> locked = new HashMap<>();
        locked.put("list_rule", null);
        setUp(kind, locked);
        ApiException e = failure(() -> agg(alice, "count()", null, null, null));
        assertThat(e.status()).isEqualTo(403);
    }
}
