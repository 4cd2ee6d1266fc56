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

/** PII masking on every record response, on every database; pii_access members and superadmins see raw values. */
@SuppressWarnings("unchecked")
class PiiMaskingTest {

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

    static final Map<String, Object> RAW = raw();

    private static Map<String, Object> raw() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", "john@example.com");
        m.put("ssn", "123-45-6789");
        m.put("phone", "+1-555-123-4567");
        m.put("who", "John Doe");
        m.put("secret", "abcdef");
        m.put("custom", "xyz");
        m.put("plain", 42.0);
        m.put("open", "visible");
        return m;
    }

    static final Map<String, Object> MASKED = Map.of("email", "j***@example.com", "ssn", "***-**-****", "phone", "+1-***-***-4567",
            "who", "J*** D***", "secret", "******", "custom", "***", "plain", "**", "open", "visible");

    private static void assertValues(Map<String, Object> record, Map<String, Object> expected) {
        expected.forEach((k, v) -> assertThat(record).as(k).containsEntry(k, v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void maskedUnlessPiiAccessOrSuperadmin(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        RecordsResource records = new RecordsResource(f.w.records);
        RecordBatchResource batch = new RecordBatchResource(new RecordBatch(f.w.records, f.w.store, 100));
        String acc = f.account("acme");
        ContainerRequestContext user = RecordsResourceTest.as(new Principal("u1", "u1@acme.test", acc, "user", "jwt", List.of("staff")));
        ContainerRequestContext privileged = RecordsResourceTest.as(new Principal("u2", "u2@acme.test", acc, "user", "jwt",
                List.of("staff", "pii_access")));
        ContainerRequestContext root = request("superadmin");
        new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC()).create(new HashMap<>(Map.of("name", "people",
                "fields", List.of(field("email", "email", "pii", true, "mask_type", "email"), field("ssn", "text", "pii", true, "mask_type", "ssn"),
                        field("phone", "text", "pii", true, "mask_type", "phone"), field("who", "text", "pii", true, "mask_type", "name"),
                        field("secret", "text", "pii", true, "mask_type", "full"), field("custom", "text", "pii", true, "mask_type", "custom"),
                        field("plain", "number", "pii", true), field("open", "text")),
                "list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", "")), root);

        Map<String, Object> created = (Map<String, Object>) records.create("people", new LinkedHashMap<>(RAW), user).getEntity();
        assertValues(created, MASKED);
        String id = (String) created.get("id");
        // stored raw
        assertThat(f.column("SELECT email FROM col_people WHERE id = ?", id)).containsExactly("john@example.com");
        assertValues(records.view("people", id, null, user), MASKED);
        assertValues(((List<Map<String, Object>>) records.list("people", Map.of(), user).get("items")).get(0), MASKED);
        assertValues(records.patch("people", id, new HashMap<>(Map.of("open", "still")), user), Map.of("email", "j***@example.com", "open", "still"));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("who", null);
        assertThat(records.patch("people", id, nulls, user)).containsEntry("who", null);
        records.patch("people", id, new HashMap<>(Map.of("who", "John Doe", "open", "visible")), user);
        // fields= and masking together
        assertThat(records.view("people", id, "ssn", user)).containsEntry("ssn", "***-**-****").doesNotContainKey("email");

        // batch responses are masked too
        Map<String, Object> out = (Map<String, Object>) batch.create("people", Map.of("records", List.of(new LinkedHashMap<>(RAW))), user).getEntity();
        assertValues(((List<Map<String, Object>>) out.get("created")).get(0), MASKED);
        Map<String, Object> up = batch.update("people", Map.of("records", List.of(Map.of("id", id, "data", Map.of("custom", "qq")))), user);
        assertThat(((List<Map<String, Object>>) up.get("updated")).get(0)).containsEntry("custom", "**").containsEntry("ssn", "***-**-****");

        // pii_access and superadmin see raw values
        Map<String, Object> rawNow = new LinkedHashMap<>(RAW);
        rawNow.put("custom", "qq");
        assertValues(records.view("people", id, null, privileged), rawNow);
        assertValues(records.view("people", id, null, root), rawNow);
        assertThat(((List<Map<String, Object>>) records.list("people", Map.of(), privileged).get("items")))
                .allSatisfy(m -> assertThat(m).containsEntry("email", "john@example.com"));
        assertValues((Map<String, Object>) records.create("people", new LinkedHashMap<>(RAW), privileged).getEntity(), RAW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void expandedRecordsAreMaskedByTheirCollection(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        RecordsResource records = new RecordsResource(f.w.records);
        String acc = f.account("acme");
        ContainerRequestContext user = RecordsResourceTest.as(new Principal("u1", "u1@acme.test", acc, "user", "jwt"));
        ContainerRequestContext privileged = RecordsResourceTest.as(new Principal("u2", "u2@acme.test", acc, "user", "jwt",
                List.of("pii_access")));
        ContainerRequestContext root = request("superadmin");
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        Map<String, Object> open = Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", "");
        Map<String, Object> people = new HashMap<>(Map.of("name", "people", "fields", List.of(field("email", "email", "pii", true,
                "mask_type", "email"), field("who", "text", "pii", true, "mask_type", "name"), field("open", "text"))));
        people.putAll(open);
        collections.create(people, root);
        Map<String, Object> teams = new HashMap<>(Map.of("name", "teams", "fields", List.of(field("lead", "reference", "collection", "people",
                "on_delete", "set_null"), field("title", "text"))));
        teams.putAll(open);
        collections.create(teams, root);
        Map<String, Object> tasks = new HashMap<>(Map.of("name", "tasks", "fields", List.of(field("team", "reference", "collection", "teams",
                "on_delete", "set_null"))));
        tasks.putAll(open);
        collections.create(tasks, root);
        String person = (String) ((Map<String, Object>) records.create("people", new LinkedHashMap<>(Map.of("email", "john@example.com",
                "who", "John Doe", "open", "visible")), user).getEntity()).get("id");
        String team = (String) ((Map<String, Object>) records.create("teams", new LinkedHashMap<>(Map.of("lead", person, "title", "T")), user)
                .getEntity()).get("id");
        String task = (String) ((Map<String, Object>) records.create("tasks", new LinkedHashMap<>(Map.of("team", team)), user).getEntity()).get("id");

        Map<String, Object> masked = Map.of("email", "j***@example.com", "who", "J*** D***", "open", "visible");
        Map<String, Object> lead = (Map<String, Object>) records.view("teams", team, null, "lead", user).get("lead");
        assertValues(lead, masked);
        // nested (tasks → teams → people) and on lists, in both paging modes
        Map<String, Object> viaTask = (Map<String, Object>) ((Map<String, Object>) records.view("tasks", task, null, "team.lead", user)
                .get("team")).get("lead");
        assertValues(viaTask, masked);
        Map<String, List<String>> query = Map.of("expand", List.of("team.lead"));
        Map<String, Object> listed = ((List<Map<String, Object>>) records.list("tasks", query, user).get("items")).get(0);
        assertValues((Map<String, Object>) ((Map<String, Object>) listed.get("team")).get("lead"), masked);
        Map<String, Object> cursorListed = ((List<Map<String, Object>>) records.list("tasks",
                Map.of("expand", List.of("team.lead"), "cursor", List.of("")), user).get("items")).get(0);
        assertValues((Map<String, Object>) ((Map<String, Object>) cursorListed.get("team")).get("lead"), masked);
        // the stored value and those allowed to see it are untouched
        Map<String, Object> raw = Map.of("email", "john@example.com", "who", "John Doe");
        assertValues((Map<String, Object>) records.view("teams", team, null, "lead", privileged).get("lead"), raw);
        assertValues((Map<String, Object>) records.view("teams", team, null, "lead", root).get("lead"), raw);
        assertValues(records.view("people", person, null, root), raw);
    }
}
