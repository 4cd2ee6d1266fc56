package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.CollectionRegistryImpl;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /collections} called directly on every database: every route's statuses and bodies. */
@SuppressWarnings("unchecked")
class CollectionsResourceTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private CollectionsResource resource;
    private final ContainerRequestContext root = request("superadmin");

    private void setUp(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        resource = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    private Map<String, Object> create(Map<String, Object> body) {
        Response response = resource.create(body, root);
        assertThat(response.getStatus()).isEqualTo(201);
        return (Map<String, Object>) response.getEntity();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyRouteIsSuperadminOnly(DatabaseKind kind) throws Exception {
        setUp(kind);
        String id = (String) create(body("name", "posts", "fields", List.of(field("title", "text")))).get("id");
        List<Consumer<ContainerRequestContext>> routes = List.of(
                r -> resource.list(null, null, null, null, null, r),
                r -> resource.names(r),
                r -> resource.export(null, r),
                r -> resource.importAll(body("data", Map.of("version", "1.0", "collections", List.of())), r),
                r -> resource.get(id, r),
                r -> resource.create(body("name", "others", "fields", List.of(field("title", "text"))), r),
                r -> resource.update(id, body("fields", List.of(field("title", "text"))), r),
                r -> resource.delete(id, r));
        for (Consumer<ContainerRequestContext> route : routes) {
            ApiException forbidden = failure(() -> route.accept(request("tenant-admin")));
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.getMessage()).isEqualTo("Superadmin access required");
            ApiException anonymous = failure(() -> route.accept(request("anonymous")));
            assertThat(anonymous.status()).isEqualTo(401);
        }
        assertThat(f.w.store.collections.names()).containsExactly("posts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createGetUpdateAndDeleteAnswerTheContractsBodies(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> created = create(body("name", "Posts", "fields", List.of(field("title", "TEXT", "required", true),
                field("total", "computed", "expression", "1", "return_type", "number")), "list_rule", "", "view_rule", "@request.auth.id != \"\"",
                "list_fields", "[\"title\"]", "label", "ignored"));
        assertThat(created).containsEntry("name", "Posts").containsEntry("table_name", "col_posts").containsEntry("record_count", 0L)
                .containsEntry("field_count", 2).containsEntry("has_public_access", true)
                .containsKeys("id", "schema", "fields", "created_at", "updated_at");
        assertThat((String) created.get("created_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        List<Map<String, Object>> schema = (List<Map<String, Object>>) created.get("schema");
        assertThat(schema.get(0)).containsEntry("type", "text").containsEntry("required", true).containsKeys("default", "unique",
                "options", "collection", "on_delete", "pii", "mask_type", "expression", "return_type", "encrypted");
        assertThat(schema.get(1)).containsEntry("expression", "1").containsEntry("return_type", "number");
        assertThat(created.get("fields")).isEqualTo(schema);
        String id = (String) created.get("id");
        assertThat(resource.get(id, root)).isEqualTo(created);

        // the registry sees what the API stored, rules included
        var definition = new CollectionRegistryImpl(f.w.store).byName("POSTS").orElseThrow();
        assertThat(definition.rules().listRule()).isEmpty();
        assertThat(definition.rules().viewRule()).isEqualTo("@request.auth.id != \"\"");
        assertThat(definition.rules().createRule()).isNull();
        assertThat(definition.rules().listFields()).isEqualTo("[\"title\"]");
        assertThat(definition.rules().viewFields()).isEqualTo("*");

        ApiException conflict = failure(() -> resource.create(body("name", "posts", "schema", List.of(field("title", "text"))), root));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.extras()).containsEntry("field", "name");
        ApiException invalid = failure(() -> resource.create(body("name", "ab", "fields", List.of(field("id", "text"))), root));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.error()).isEqualTo("Validation error");
        assertThat(invalid.getMessage()).isEqualTo("Validation failed: name: Collection name must be at least 3 characters; "
                + "schema[0].name: Field name 'id' is reserved for system fields");
        assertThat(invalid.extras().get("details").toString()).contains("name_too_short", "field_name_reserved");
        assertThat(failure(() -> resource.create(body("name", "posts2"), root)).status()).isEqualTo(422);
        assertThat(failure(() -> resource.create(body("name", 5, "fields", List.of()), root)).status()).isEqualTo(422);

        String account = f.account("acme");
        f.insert("col_posts", account, Map.of("title", "x"));
        Map<String, Object> updated = resource.update(id, body("name", "renamed", "fields", List.of(field("title", "text"),
                field("total", "computed", "expression", "2", "return_type", "number"), field("body", "text")), "list_rule", null), root);
        assertThat(updated).containsEntry("name", "Posts").containsEntry("record_count", 1L).containsEntry("field_count", 3)
                .containsEntry("has_public_access", false);
        assertThat(new CollectionRegistryImpl(f.w.store).byId(id).orElseThrow().rules().viewRule()).isEqualTo("@request.auth.id != \"\"");
        ApiException refused = failure(() -> resource.update(id, body("fields", List.of(field("body", "text"))), root));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).startsWith("Schema validation failed: title: Field deletion is not allowed for data safety");

        String unknown = "00000000-0000-0000-0000-00000000abcd";
        for (Runnable r : List.<Runnable>of(() -> resource.get(unknown, root), () -> resource.update(unknown, body("fields", List.of(field("a", "text"))), root),
                () -> resource.delete(unknown, root), () -> resource.get("not-a-uuid", root))) {
            ApiException missing = failure(r);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.getMessage()).matches("Collection with ID '.*' not found");
        }

        Map<String, Object> deleted = resource.delete(id, root);
        assertThat(deleted).containsEntry("message", "Collection deleted successfully").containsEntry("collection_id", id)
                .containsEntry("collection_name", "Posts").containsEntry("table_name", "col_posts").containsEntry("records_deleted", 1L)
                .containsKey("migration_revision");
        assertThat(f.columns("col_posts")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listPagesSortsAndSearchesAndNamesListsAll(DatabaseKind kind) throws Exception {
        setUp(kind);
        for (String name : List.of("beta", "Alpha", "gamma")) {
            create(body("name", name, "fields", List.of(field("title", "text"))));
        }
        Map<String, Object> page = resource.list("1", "2", "name", "asc", null, root);
        assertThat(page).containsEntry("total", 3L).containsEntry("page", 1).containsEntry("page_size", 2).containsEntry("total_pages", 2L);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(i -> i.get("name")).containsExactly("Alpha", "beta");
        assertThat(items.get(0)).containsOnlyKeys("id", "name", "table_name", "fields_count", "records_count", "has_public_access", "created_at")
                .containsEntry("fields_count", 1).containsEntry("records_count", 0L).containsEntry("has_public_access", false);
        assertThat((List<?>) resource.list(null, null, null, null, "ALP", root).get("items")).hasSize(1);
        assertThat((List<?>) resource.list(null, null, null, null, "%", root).get("items")).isEmpty();
        assertThat(failure(() -> resource.list("0", null, null, null, null, root)).status()).isEqualTo(422);
        assertThat(failure(() -> resource.list(null, "101", null, null, null, root)).status()).isEqualTo(422);
        assertThat(failure(() -> resource.list(null, null, "records_count; DROP", null, null, root)).status()).isEqualTo(422);
        assertThat(failure(() -> resource.list(null, null, null, "up", null, root)).status()).isEqualTo(422);
        assertThat(resource.names(root)).containsEntry("names", List.of("Alpha", "beta", "gamma")).containsEntry("total", 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void exportAndImportRoundTripWithEachStrategy(DatabaseKind kind) throws Exception {
        setUp(kind);
        String people = (String) create(body("name", "people", "fields", List.of(field("name", "text", "pii", true, "mask_type", "name")))).get("id");
        String posts = (String) create(body("name", "posts", "fields", List.of(field("title", "text", "unique", true, "default", "t"),
                field("author", "reference", "collection", "people", "on_delete", "restrict")), "create_rule", "", "update_fields", "[\"title\"]")).get("id");
        Response response = resource.export(posts + "," + people, root);
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=collections_export_20260304_050607.json");
        Map<String, Object> document = (Map<String, Object>) response.getEntity();
        assertThat(document).containsEntry("version", "1.0").containsEntry("exported_by", "root@example.com")
                .containsEntry("exported_at", "2026-03-04T05:06:07.000000Z");
        List<Map<String, Object>> exported = (List<Map<String, Object>>) document.get("collections");
        assertThat(exported).extracting(c -> c.get("name")).containsExactly("posts", "people");
        assertThat((Map<String, Object>) exported.get(0).get("rules")).containsEntry("create_rule", "").containsEntry("list_rule", null)
                .containsEntry("update_fields", "[\"title\"]").containsEntry("view_fields", "*");
        assertThat(((List<Map<String, Object>>) exported.get(0).get("schema")).get(1)).containsEntry("collection", "people").containsEntry("on_delete", "restrict");
        assertThat(((List<?>) ((Map<String, Object>) resource.export(null, root).getEntity()).get("collections"))).hasSize(2);
        assertThat(failure(() -> resource.export("00000000-0000-0000-0000-000000000001", root)).status()).isEqualTo(404);

        // existing collections: error reports failures in a 200, skip skips, update applies the schema (rules untouched)
        Map<String, Object> errors = resource.importAll(body("data", document), root);
        assertThat(errors).containsEntry("success", false).containsEntry("failed_count", 2).containsEntry("imported_count", 0);
        Map<String, Object> skips = resource.importAll(body("data", document, "strategy", "skip"), root);
        assertThat(skips).containsEntry("success", true).containsEntry("skipped_count", 2);
        Map<String, Object> changed = new HashMap<>(exported.get(0));
        changed.put("schema", List.of(field("title", "text", "unique", true), field("author", "reference", "collection", "people", "on_delete", "restrict"),
                field("extra", "number")));
        changed.put("rules", Map.of("create_rule", "changed"));
        Map<String, Object> updates = resource.importAll(body("data", Map.of("version", "1.2", "collections", List.of(changed)), "strategy", "update"), root);
        assertThat(updates).containsEntry("updated_count", 1).containsEntry("success", true);
        assertThat(f.columns("col_posts")).contains("extra");
        assertThat(new CollectionRegistryImpl(f.w.store).byName("posts").orElseThrow().rules().createRule()).isEmpty();

        // into an empty instance: references first whatever the document's order, rules as exported
        resource.delete(posts, root);
        resource.delete(people, root);
        Map<String, Object> imported = resource.importAll(body("data", document, "strategy", "error"), root);
        assertThat(imported).containsEntry("success", true).containsEntry("imported_count", 2).containsEntry("migrations_created", List.of());
        assertThat((List<Map<String, Object>>) imported.get("collections")).extracting(c -> c.get("name"), c -> c.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("people", "imported"), org.assertj.core.groups.Tuple.tuple("posts", "imported"));
        var posted = new CollectionRegistryImpl(f.w.store).byName("posts").orElseThrow();
        assertThat(posted.rules().createRule()).isEmpty();
        assertThat(posted.rules().updateFields()).isEqualTo("[\"title\"]");
        assertThat(posted.field("AUTHOR").orElseThrow().collection()).isEqualTo("people");
        assertThat(f.indexes("col_posts")).contains("ux_col_posts_title", "ix_col_posts_author");

        ApiException version = failure(() -> resource.importAll(body("data", Map.of("version", "2.0", "collections", List.of())), root));
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.getMessage()).isEqualTo("Unsupported export version: 2.0");
        assertThat(failure(() -> resource.importAll(body(), root)).status()).isEqualTo(422);
        assertThat(failure(() -> resource.importAll(body("data", document, "strategy", "merge"), root)).status()).isEqualTo(422);
        Map<String, Object> broken = resource.importAll(body("data", Map.of("version", "1.0", "collections",
                List.of(Map.of("name", "bad name", "schema", List.of(field("t", "text")))))), root);
        assertThat(broken).containsEntry("failed_count", 1);
        assertThat(((List<Map<String, Object>>) broken.get("collections")).get(0).get("message").toString()).startsWith("Validation failed: name:");
    }
}
