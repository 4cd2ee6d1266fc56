package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.store.RecordMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code expand} on list and get, on every database. */
@SuppressWarnings("unchecked")
class RecordsExpandTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private final AtomicInteger selects = new AtomicInteger();
    private String accA;
    private ContainerRequestContext alice;
    private ContainerRequestContext carol;
    private final ContainerRequestContext root = request("superadmin");
    private String acme;
    private String secret;
    private String red;
    private String blue;
    private String hidden;
    private String tag;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private static Map<String, Object> collection(String name, List<Map<String, Object>> fields, Object... rules) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "fields", fields));
        for (String op : List.of("list_rule", "view_rule", "create_rule", "update_rule", "delete_rule")) {
            body.put(op, "");
        }
        for (int i = 0; i < rules.length; i += 2) {
            body.put((String) rules[i], rules[i + 1]);
        }
        return body;
    }

    private String create(String c, ContainerRequestContext who, Object... kv) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return (String) ((Map<String, Object>) records.create(c, body, who).getEntity()).get("id");
    }

    private void setUp(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        RecordMapper real = f.storage.mappers().mapper(RecordMapper.class);
        RecordMapper counting = (RecordMapper) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RecordMapper.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("select")) {
                        selects.incrementAndGet();
                    }
                    return m.invoke(real, args);
                });
        RecordsServices.Wiring w = new RecordsServices.Wiring(f.w.store, () -> null, counting, new io.snackbase.rules.internal.RuleEngineImpl(),
                () -> null);
        records = new RecordsResource(w.records);
        accA = f.account("acme");
        String accB = f.account("beta");
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", accA, "user", "jwt"));
        carol = RecordsResourceTest.as(new Principal("u-carol", "carol@beta.test", accB, "user", "jwt"));
        CollectionsResource collections = new CollectionsResource(w.store, w.collections, w.transfer, Clock.systemUTC());
        collections.create(collection("companies", List.of(field("name", "text"), field("code", "text"),
                field("parent", "reference", "collection", "companies", "on_delete", "set_null")),
                "view_rule", "name != 'Secret'", "view_fields", "[\"name\", \"parent\"]"), root);
        collections.create(collection("teams", List.of(field("name", "text"),
                field("company", "reference", "collection", "companies", "on_delete", "set_null"))), root);
        Map<String, Object> tags = collection("tags", List.of(field("label", "text")));
        tags.put("view_rule", null);
        collections.create(tags, root);
        collections.create(collection("people", List.of(field("name", "text"),
                field("team", "reference", "collection", "teams", "on_delete", "set_null"),
                field("boss", "reference", "collection", "people", "on_delete", "set_null"),
                field("tag", "reference", "collection", "tags", "on_delete", "set_null"))), root);
        String holding = create("companies", alice, "name", "Holding", "code", "H1");
        acme = create("companies", alice, "name", "Acme", "code", "A1", "parent", holding);
        secret = create("companies", alice, "name", "Secret", "code", "S1");
        red = create("teams", alice, "name", "Red", "company", acme);
        blue = create("teams", alice, "name", "Blue", "company", secret);
        hidden = create("teams", carol, "name", "Theirs");
        tag = create("tags", alice, "label", "x");
    }

    private Map<String, Object> list(ContainerRequestContext who, String... kv) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            q.put(kv[i], List.of(kv[i + 1]));
        }
        return records.list("people", q, who);
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
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
    void nestedPathsOneQueryPerLevelAndTargetRules(DatabaseKind kind) throws Exception {
        setUp(kind);
        String ann = create("people", alice, "name", "Ann", "team", red, "tag", tag);
        String bob = create("people", alice, "name", "Bob", "team", blue, "boss", ann);
        String cid = create("people", alice, "name", "Cid", "team", red, "boss", bob);
        create("people", alice, "name", "Dee");

        selects.set(0);
        Map<String, Object> page = list(alice, "sort", "name", "expand", "team.company,boss,tag");
        // list + teams + companies + people (boss): one query per level of each path; tags (locked) needs none
        assertThat(selects.get()).isEqualTo(4);
        List<Map<String, Object>> people = items(page);
        Map<String, Object> annTeam = (Map<String, Object>) people.get(0).get("team");
        assertThat(annTeam).containsEntry("id", red).containsEntry("name", "Red");
        Map<String, Object> company = (Map<String, Object>) annTeam.get("company");
        // the target's view_fields hide "code"; its view rule hides "Secret"
        assertThat(company).containsEntry("id", acme).containsEntry("name", "Acme").doesNotContainKey("code");
        assertThat(((Map<String, Object>) people.get(1).get("team")).get("company")).isNull();
        assertThat(((Map<String, Object>) people.get(1).get("boss"))).containsEntry("id", ann).containsEntry("boss", null);
        // a locked view rule on the target: the reference shows as null
        assertThat(people.get(0).get("tag")).isNull();
        assertThat(((Map<String, Object>) people.get(2).get("boss")).get("boss")).isEqualTo(ann);
        assertThat(people.get(3)).containsEntry("team", null).containsEntry("boss", null);
        // the superadmin skips the rules and field lists
        Map<String, Object> asRoot = items(list(root, "sort", "name", "expand", "team.company,tag")).get(1);
        assertThat(((Map<String, Object>) ((Map<String, Object>) asRoot.get("team")).get("company"))).containsEntry("code", "S1");

        // depth 3 works; get honours expand too
        Map<String, Object> one = records.view("people", cid, null, "boss.boss.team,team.company.parent", alice);
        Map<String, Object> b1 = (Map<String, Object>) one.get("boss");
        Map<String, Object> b2 = (Map<String, Object>) b1.get("boss");
        assertThat(b2).containsEntry("id", ann);
        assertThat((Map<String, Object>) b2.get("team")).containsEntry("id", red);
        Map<String, Object> parent = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) one.get("team")).get("company")).get("parent");
        assertThat(parent).containsEntry("name", "Holding");
        // cursor mode expands as well
        assertThat(items(list(alice, "sort", "name", "cursor", "", "limit", "1", "expand", "team")).get(0).get("team")).isInstanceOf(Map.class);
        assertThat(records.view("people", ann, null, alice).get("team")).isEqualTo(red);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void invalidPathsAndOtherTenants(DatabaseKind kind) throws Exception {
        setUp(kind);
        for (String bad : List.of("name", "nope", "team.name", "team.company.code", "boss.boss.boss.boss", "team..company")) {
            ApiException e = failure(() -> list(alice, "expand", bad));
            assertThat(e.status()).as(bad).isEqualTo(400);
            assertThat(e.error()).as(bad).isEqualTo("Invalid expand field");
        }
        assertThat(failure(() -> list(alice, "expand", "name")).getMessage())
                .isEqualTo("Field 'name' is not a reference field and cannot be expanded");
        String ann = create("people", alice, "name", "Ann", "team", red);
        assertThat(failure(() -> records.view("people", ann, null, "team.company.parent.parent", alice)).error()).isEqualTo("Invalid expand field");
        // a row of account A pointing at account B's team (written past the API): expanded as null, for everyone
        String odd = f.insert("col_people", accA, Map.of("name", "Odd", "team", hidden));
        assertThat(records.view("people", odd, null, "team", alice)).containsEntry("team", null);
        assertThat(records.view("people", odd, null, "team", root)).containsEntry("team", null);
        assertThat(records.view("people", odd, null, alice)).containsEntry("team", hidden);
        // carol never sees account A's teams through expand
        String mine = create("people", carol, "name", "Cat", "team", hidden);
        assertThat((Map<String, Object>) records.view("people", mine, null, "team", carol).get("team")).containsEntry("name", "Theirs");
        // a field list that leaves the reference out: nothing to expand, no error
        assertThat(items(list(alice, "fields", "name", "expand", "team")).get(0)).doesNotContainKey("team");
    }
}
