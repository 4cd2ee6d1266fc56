package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.records.RecordBatch;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Computed fields evaluated in SQL at read time, on every database. */
@SuppressWarnings("unchecked")
class ComputedFieldsTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private static Map<String, Object> computed(String name, String expression, String returnType) {
        return field(name, "computed", "expression", expression, "return_type", returnType);
    }

    private static Map<String, Object> open(String name, List<Map<String, Object>> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "fields", fields));
        body.putAll(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        return body;
    }

    static final Map<String, Object> TEXT_AND_NUMBERS = expected(
            "full", "Ada Lovelace", "shout", "HI", "low", "lovelace", "len", 3.0, "sub", "ove",
            "rnd", 3.0, "rnd2", 0.83, "flag", "many", "fallback", "Ada", "nul", null);

    static final Map<String, Object> DATES_AND_LOGIC = expected(
            "days", 60.0, "hours", 30.0, "later", "2024-01-04T06:00:00.000000Z", "dueplus", "2024-03-31T00:00:00.000000Z",
            "isbig", true, "notactive", false, "fresh", true, "modv", 1.0, "ceilv", 3.0, "floorneg", -3.0);

    private static Map<String, Object> expected(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void assertComputed(Map<String, Object> record, Map<String, Object> expected) {
        expected.forEach((k, v) -> assertThat(record).as(k).containsEntry(k, v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void valuesOnEveryReadAndWriteResponse(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        RecordsResource records = new RecordsResource(f.w.records);
        String acc = f.account("acme");
        ContainerRequestContext user = RecordsResourceTest.as(new Principal("u1", "u1@acme.test", acc, "user", "jwt"));
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        ContainerRequestContext root = request("superadmin");
        collections.create(open("people", List.of(field("first", "text"), field("last", "text"), field("pad", "text"),
                field("nick", "text"), field("price", "number"), field("qty", "number"),
                computed("full", "concat(first, \" \", last)", "text"), computed("shout", "upper(trim(pad))", "text"),
                computed("low", "lower(last)", "text"), computed("len", "length(first)", "number"),
                computed("sub", "substring(last, 2, 3)", "text"), computed("rnd", "round(price)", "number"),
                computed("rnd2", "abs(round(0 - price / 3, 2))", "number"), computed("flag", "if(qty > 2, 'many', 'few')", "text"),
                computed("fallback", "COALESCE(nick, first)", "text"), computed("nul", "nullif(first, 'Ada')", "text"))), root);
        collections.create(open("plans", List.of(field("start", "date"), field("due", "date"), field("at", "datetime"),
                field("price", "number"), field("qty", "number"), field("active", "boolean"),
                computed("days", "date_diff(due, start, 'days')", "number"),
                computed("hours", "date_diff(at, '2024-01-01T00:00:00Z', 'hours')", "number"),
                computed("later", "date_add(at, 2, 'days')", "datetime"), computed("dueplus", "date_add(due, 1, 'months')", "datetime"),
                computed("isbig", "price > 2 && qty IS NOT NULL", "boolean"), computed("notactive", "!active", "boolean"),
                computed("fresh", "date_diff(now(), created_at, 'days') < 1", "boolean"), computed("modv", "qty % 2", "number"),
                computed("ceilv", "ceil(price)", "number"), computed("floorneg", "floor(-price)", "number"))), root);

        Map<String, Object> body = new LinkedHashMap<>(Map.of("first", "Ada", "last", "Lovelace", "pad", "  hi  ", "price", 2.5, "qty", 3));
        body.put("full", "ignored on write");
        Map<String, Object> created = (Map<String, Object>) records.create("people", body, user).getEntity();
        assertComputed(created, TEXT_AND_NUMBERS);
        String id = (String) created.get("id");
        assertComputed(records.view("people", id, null, user), TEXT_AND_NUMBERS);
        assertComputed(((List<Map<String, Object>>) records.list("people", Map.of(), user).get("items")).get(0), TEXT_AND_NUMBERS);
        Map<String, Object> updated = records.patch("people", id, new HashMap<>(Map.of("first", "Bob", "qty", 1)), user);
        assertThat(updated).containsEntry("full", "Bob Lovelace").containsEntry("flag", "few").containsEntry("nul", "Bob")
                .containsEntry("len", 3.0);
        // not stored, not audited
        assertThat(f.columns("col_people")).doesNotContain("full", "flag");
        assertThat(f.column("SELECT column_name FROM audit_log WHERE record_id = ?", id)).doesNotContain("full", "flag", "nul");

        Map<String, Object> plan = new LinkedHashMap<>(Map.of("start", "2024-01-01", "due", "2024-03-01", "at", "2024-01-02T06:00:00Z",
                "price", 2.5, "qty", 3, "active", true));
        Map<String, Object> p = (Map<String, Object>) records.create("plans", plan, user).getEntity();
        assertComputed(p, DATES_AND_LOGIC);
        assertComputed(records.view("plans", (String) p.get("id"), null, user), DATES_AND_LOGIC);
        RecordBatchResource batch = new RecordBatchResource(new RecordBatch(f.w.records, f.w.store, 100));
        Map<String, Object> out = (Map<String, Object>) batch.create("plans", Map.of("records", List.of(plan)), user).getEntity();
        assertComputed(((List<Map<String, Object>>) out.get("created")).get(0), DATES_AND_LOGIC);

        // nulls flow through
        Map<String, Object> empty = (Map<String, Object>) records.create("plans", new LinkedHashMap<>(), user).getEntity();
        assertThat(empty).containsEntry("days", null).containsEntry("later", null).containsEntry("ceilv", null);

        // filters name computed fields (their SQL is substituted, values bound)
        assertThat(total(records.list("people", Map.of("filter", List.of("full = \"Bob Lovelace\"")), user))).isEqualTo(1);
        assertThat(total(records.list("people", Map.of("filter", List.of("full = \"Ada Lovelace\"")), user))).isEqualTo(0);
        assertThat(total(records.list("people", Map.of("filter", List.of("full ~ \"bob%\" && len >= 3")), user))).isEqualTo(1);
        assertThat(total(records.list("plans", Map.of("filter", List.of("days >= 60")), user))).isEqualTo(2);
        assertThat(total(records.list("plans", Map.of("filter", List.of("isbig = true")), user))).isEqualTo(2);
        assertThat(total(records.list("plans", Map.of("filter", List.of("later > \"2024-01-03T00:00:00Z\"")), user))).isEqualTo(2);
        assertThat(total(records.list("plans", Map.of("filter", List.of("later IS NULL")), user))).isEqualTo(1);
        // and sorts (RecordsCursorTest pages over them)
        List<Map<String, Object>> byDays = (List<Map<String, Object>>) records.list("plans", Map.of("sort", List.of("-days")), user).get("items");
        assertThat(byDays).extracting(m -> m.get("days")).containsExactly(60.0, 60.0, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void expressionsAreCheckedOnSave(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        ContainerRequestContext root = request("superadmin");
        io.snackbase.api.errors.ApiException e = org.junit.jupiter.api.Assertions.assertThrows(io.snackbase.api.errors.ApiException.class,
                () -> collections.create(open("bad", List.of(field("a", "text"), computed("x", "concat(a,", "text"),
                        computed("y", "upper(nope)", "text"), computed("z", "lower(a)", "text"))), root));
        assertThat(e.status()).isEqualTo(400);
        List<io.snackbase.api.errors.FieldError> details = (List<io.snackbase.api.errors.FieldError>) e.extras().get("details");
        assertThat(details).extracting(io.snackbase.api.errors.FieldError::field, io.snackbase.api.errors.FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("schema[1].expression", "computed_field_expression_invalid"),
                org.assertj.core.groups.Tuple.tuple("schema[2].expression", "computed_field_expression_error"));
        assertThat(f.w.store.byName("bad")).isNull();
        Map<String, Object> ok = (Map<String, Object>) collections.create(open("good", List.of(field("a", "text"),
                computed("z", "lower(a)", "text"))), root).getEntity();
        String id = (String) ok.get("id");
        io.snackbase.api.errors.ApiException put = org.junit.jupiter.api.Assertions.assertThrows(io.snackbase.api.errors.ApiException.class,
                () -> collections.update(id, new HashMap<>(Map.of("fields", List.of(field("a", "text"), computed("z", "lower(z)", "text")))), root));
        assertThat(((List<io.snackbase.api.errors.FieldError>) put.extras().get("details"))).extracting(io.snackbase.api.errors.FieldError::code)
                .containsExactly("computed_field_expression_error");
    }

    private static long total(Map<String, Object> page) {
        return ((Number) page.get("total")).longValue();
    }
}
