package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keyset cursor paging of {@code GET /records/{c}} on every database (records.md §4, discrepancies #42). */
@SuppressWarnings("unchecked")
class RecordsCursorTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private String accA;
    private ContainerRequestContext alice;
    private ContainerRequestContext carol;
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        records = new RecordsResource(f.w.records);
        accA = f.account("acme");
        String accB = f.account("beta");
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", accA, "user", "jwt"));
        carol = RecordsResourceTest.as(new Principal("u-carol", "carol@beta.test", accB, "user", "jwt"));
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        collections.create(new HashMap<>(Map.of("name", "items", "fields", List.of(field("t", "text"), field("n", "number"),
                field("b", "boolean"), field("at", "datetime"), field("meta", "json"),
                field("dbl", "computed", "expression", "n * 2", "return_type", "number"),
                field("label", "computed", "expression", "concat(t, \"!\")", "return_type", "text"),
                field("late", "computed", "expression", "date_add(at, 1, \"days\")", "return_type", "datetime"),
                field("yes", "computed", "expression", "b = true", "return_type", "boolean")),
                "list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", "")), root);
        // ties and NULLs on every column; rows of another account that must never show
        Object[] ns = {1, null, 2, 1, null, 3, 2, 1, null, 5, 2};
        String[] ts = {"b", null, "a", "b", "c", null, "a", "d", "b", null, "a"};
        for (int i = 0; i < ns.length; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("n", ns[i]);
            body.put("t", ts[i]);
            body.put("b", i % 3 == 0 ? null : i % 2 == 0);
            body.put("at", i % 4 == 0 ? null : "2024-01-0" + (1 + i % 3) + "T00:00:00Z");
            create(alice, body);
            if (i % 3 == 0) {
                create(carol, Map.of("n", i, "t", "x"));
            }
        }
    }

    private void create(ContainerRequestContext who, Map<String, Object> body) {
        records.create("items", new LinkedHashMap<>(body), who);
    }

    private Map<String, Object> list(ContainerRequestContext who, String... kv) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            q.put(kv[i], java.util.Arrays.asList(kv[i + 1]));
        }
        return records.list("items", q, who);
    }

    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("id")).toList();
    }

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    private List<String> forward(String sort, String filter, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = "";
        Map<String, Object> page = null;
        for (int guard = 0; guard < 50; guard++) {
            page = filter == null ? list(alice, "sort", sort, "limit", "" + limit, "cursor", cursor)
                    : list(alice, "sort", sort, "limit", "" + limit, "cursor", cursor, "filter", filter);
            all.addAll(ids(page));
            if (guard == 0) {
                assertThat(page.get("prev_cursor")).isNull();
            } else if (!ids(page).isEmpty()) {
                assertThat(page.get("prev_cursor")).isNotNull();
            }
            if (!(Boolean) page.get("has_more")) {
                assertThat(page.get("next_cursor")).isNull();
                return all;
            }
            assertThat(ids(page)).hasSize(limit);
            cursor = (String) page.get("next_cursor");
        }
        throw new AssertionError("no end");
    }

    private List<String> backward(String sort, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = "";
        for (int guard = 0; guard < 50; guard++) {
            Map<String, Object> page = list(alice, "sort", sort, "limit", "" + limit, "cursor_before", cursor);
            all.addAll(0, ids(page));
            if (guard == 0) {
                assertThat(page.get("next_cursor")).isNull();
            }
            if (!(Boolean) page.get("has_more")) {
                assertThat(page.get("prev_cursor")).isNull();
                return all;
            }
            cursor = (String) page.get("prev_cursor");
        }
        throw new AssertionError("no end");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void pagesConcatenateToTheOffsetListingBothWays(DatabaseKind kind) throws Exception {
        setUp(kind);
        for (String sort : List.of("n", "-n", "t", "-t", "b", "-b", "at", "-at", "-created_at", "id", "-updated_at",
                // several fields, mixed directions, NULLs in the middle terms
                "n,-t", "-n,t", "t,n", "-b,at,-n", "b,-at,t", "-t,-n", "+at,+b,-created_at", "n,id",
                // computed fields, alone and with others
                "dbl", "-dbl", "label,-n", "-late,t", "yes,-dbl", "-yes")) {
            List<String> offset = ids(list(alice, "sort", sort, "limit", "100"));
            assertThat(offset).hasSize(11).doesNotHaveDuplicates();
            for (int limit : List.of(1, 2, 3, 4, 11, 20)) {
                assertThat(forward(sort, null, limit)).as(sort + " forward " + limit).isEqualTo(offset);
                assertThat(backward(sort, limit)).as(sort + " backward " + limit).isEqualTo(offset);
            }
            // offset pages agree with offset 0 (ties ordered the same way)
            List<String> paged = new ArrayList<>();
            for (int skip = 0; skip < 11; skip += 4) {
                paged.addAll(ids(list(alice, "sort", sort, "limit", "4", "skip", "" + skip)));
            }
            assertThat(paged).isEqualTo(offset);
        }
        // NULLs first ascending, last descending, the same on every database
        List<Map<String, Object>> asc = (List<Map<String, Object>>) list(alice, "sort", "n", "limit", "100").get("items");
        assertThat(asc.subList(0, 3)).allMatch(m -> m.get("n") == null);
        assertThat(asc.get(3).get("n")).isEqualTo(1.0);
        List<Map<String, Object>> desc = (List<Map<String, Object>>) list(alice, "sort", "-n", "limit", "100").get("items");
        assertThat(desc.get(0).get("n")).isEqualTo(5.0);
        assertThat(desc.subList(8, 11)).allMatch(m -> m.get("n") == null);
        // a multi-field order is the order of its terms: n ascending (NULLs first), then t descending
        List<Map<String, Object>> multi = (List<Map<String, Object>>) list(alice, "sort", "n,-t", "limit", "100").get("items");
        List<Map<String, Object>> byHand = new ArrayList<>(multi);
        byHand.sort(java.util.Comparator.<Map<String, Object>, Double>comparing(m -> (Double) m.get("n"),
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(m -> (String) m.get("t"), java.util.Comparator.nullsLast(java.util.Comparator.<String>reverseOrder())));
        assertThat(multi).isEqualTo(byHand);
        // a computed sort is the order of its values: n * 2 sorts as n
        assertThat(ids(list(alice, "sort", "dbl", "limit", "100")).subList(3, 11))
                .isEqualTo(ids(list(alice, "sort", "n", "limit", "100")).subList(3, 11));
        List<Map<String, Object>> byDbl = (List<Map<String, Object>>) list(alice, "sort", "-dbl", "limit", "100").get("items");
        assertThat(byDbl.get(0)).containsEntry("dbl", 10.0);
        // the filter stays in force
        List<String> filtered = ids(list(alice, "sort", "n", "limit", "100", "filter", "t = 'a' || t IS NULL"));
        assertThat(forward("n", "t = 'a' || t IS NULL", 2)).isEqualTo(filtered).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void backwardPagesAreTheNearestRowsInOrder(DatabaseKind kind) throws Exception {
        setUp(kind);
        List<String> offset = ids(list(alice, "sort", "n", "limit", "100"));
        Map<String, Object> p1 = list(alice, "sort", "n", "limit", "4", "cursor", "");
        Map<String, Object> p2 = list(alice, "sort", "n", "limit", "4", "cursor", (String) p1.get("next_cursor"));
        assertThat(ids(p2)).isEqualTo(offset.subList(4, 8));
        assertThat(p2).containsEntry("has_more", true).containsEntry("total", null);
        Map<String, Object> back = list(alice, "sort", "n", "limit", "3", "cursor_before", (String) p2.get("prev_cursor"));
        assertThat(ids(back)).isEqualTo(offset.subList(1, 4));
        assertThat(back).containsEntry("has_more", true);
        assertThat(back.get("next_cursor")).isNotNull();
        Map<String, Object> last = list(alice, "sort", "n", "limit", "3", "cursor_before", "", "include_count", "true");
        assertThat(ids(last)).isEqualTo(offset.subList(8, 11));
        assertThat(last).containsEntry("total", 11L).containsEntry("next_cursor", null);
        // the whole listing in one page: no cursor either way
        Map<String, Object> one = list(alice, "sort", "n", "limit", "100", "cursor", "", "include_count", "1");
        assertThat(one).containsEntry("next_cursor", null).containsEntry("prev_cursor", null).containsEntry("has_more", false)
                .containsEntry("total", 11L);
        // token format: URL-safe base64 with padding of {"sort_value":..,"id":..}
        String token = (String) p1.get("next_cursor");
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"sort_value\":1.0,\"id\":\"" + offset.get(3) + "\"}");
        assertThat(token.length() % 4).isZero();
        // offset mode carries a continuation token
        Map<String, Object> offsetPage = list(alice, "sort", "n", "limit", "4");
        assertThat(offsetPage).containsEntry("has_more", true).containsEntry("next_cursor", token);
        assertThat(list(alice, "sort", "n", "limit", "100")).containsEntry("has_more", false).containsEntry("next_cursor", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rowsInsertedBetweenPagesNeitherRepeatNorSkip(DatabaseKind kind) throws Exception {
        setUp(kind);
        List<String> before = ids(list(alice, "sort", "n", "limit", "100"));
        Map<String, Object> p1 = list(alice, "sort", "n", "limit", "5", "cursor", "");
        List<String> seen = new ArrayList<>(ids(p1));
        create(alice, Map.of("n", 0.5)); // sorts into the first page: already passed
        create(alice, Map.of("n", 4)); // sorts after the cursor: must show
        String cursor = (String) p1.get("next_cursor");
        while (cursor != null) {
            Map<String, Object> p = list(alice, "sort", "n", "limit", "5", "cursor", cursor);
            seen.addAll(ids(p));
            cursor = (String) p.get("next_cursor");
        }
        List<String> after = ids(list(alice, "sort", "n", "limit", "100"));
        assertThat(seen).doesNotHaveDuplicates().hasSize(12).containsAll(before);
        assertThat(new HashSet<>(after)).containsAll(seen);
        List<String> expected = new ArrayList<>(after);
        expected.remove(after.get(3)); // the 0.5 row sorts right after the three NULLs
        assertThat(seen).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void errorsAndTenantScope(DatabaseKind kind) throws Exception {
        setUp(kind);
        ApiException both = failure(() -> list(alice, "cursor", "", "cursor_before", ""));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.error()).isEqualTo("Invalid pagination parameters");
        assertThat(both.getMessage()).isEqualTo("Cannot specify both 'cursor' and 'cursor_before'");
        String b64 = Base64.getUrlEncoder().encodeToString("{\"sort_value\":\"x\",\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        String noId = Base64.getUrlEncoder().encodeToString("{\"sort_value\":1}".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("%%%", "bm90IGpzb24=", "WzFd", noId, b64)) {
            ApiException e = failure(() -> list(alice, "sort", "n", "cursor", bad));
            assertThat(e.status()).as(bad).isEqualTo(400);
            assertThat(e.error()).isEqualTo("Invalid cursor");
            assertThat(failure(() -> list(alice, "sort", "n", "cursor_before", bad)).error()).isEqualTo("Invalid cursor_before");
        }
        // a one-field token on a two-field sort, and the other way round, are not this sort's tokens
        String single = (String) list(alice, "sort", "n", "limit", "2", "cursor", "").get("next_cursor");
        String pair = (String) list(alice, "sort", "n,-t", "limit", "2", "cursor", "").get("next_cursor");
        assertThat(failure(() -> list(alice, "sort", "n,-t", "cursor", single)).error()).isEqualTo("Invalid cursor");
        assertThat(failure(() -> list(alice, "sort", "n", "cursor_before", pair)).error()).isEqualTo("Invalid cursor_before");
        assertThat(failure(() -> list(alice, "sort", "n,-t,b", "cursor", pair)).error()).isEqualTo("Invalid cursor");
        String wrongType = Base64.getUrlEncoder().encodeToString("{\"sort_value\":[1,2],\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(failure(() -> list(alice, "sort", "n,-t", "cursor", wrongType)).error()).isEqualTo("Invalid cursor");
        String computedWrong = Base64.getUrlEncoder().encodeToString("{\"sort_value\":\"x\",\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(failure(() -> list(alice, "sort", "dbl", "cursor", computedWrong)).error()).isEqualTo("Invalid cursor");
        assertThat(failure(() -> list(alice, "sort", "n,meta", "cursor", "")).error()).isEqualTo("Invalid pagination parameters");
        assertThat(failure(() -> list(alice, "sort", "meta", "cursor", "")).error()).isEqualTo("Invalid pagination parameters");
        assertThat(failure(() -> list(alice, "cursor", "", "include_count", "maybe")).status()).isEqualTo(422);
        assertThat(failure(() -> list(alice, "cursor", "", "filter", "nope = 1")).error()).isEqualTo("Invalid filter expression");
        // carol sees only her four rows whatever cursor she is given; the superadmin sees all 15
        String aliceToken = (String) list(alice, "sort", "n", "limit", "2", "cursor", "").get("next_cursor");
        Map<String, Object> theirs = list(carol, "sort", "n", "limit", "10", "cursor", aliceToken, "include_count", "true");
        assertThat(theirs).containsEntry("total", 4L);
        assertThat((List<Map<String, Object>>) theirs.get("items")).allMatch(m -> "x".equals(m.get("t")));
        Map<String, Object> theirsMulti = list(carol, "sort", "n,-t", "limit", "10", "cursor", pair);
        assertThat((List<Map<String, Object>>) theirsMulti.get("items")).isNotEmpty().allMatch(m -> "x".equals(m.get("t")));
        Map<String, Object> theirsBack = list(carol, "sort", "n,-t", "limit", "10", "cursor_before", pair);
        assertThat((List<Map<String, Object>>) theirsBack.get("items")).allMatch(m -> "x".equals(m.get("t")));
        Set<String> everything = new HashSet<>();
        String c = "";
        while (c != null) {
            Map<String, Object> p = records.list("items", Map.of("cursor", List.of(c), "limit", List.of("4")), root);
            everything.addAll(ids(p));
            c = (String) p.get("next_cursor");
        }
        assertThat(everything).hasSize(15);
    }
}
