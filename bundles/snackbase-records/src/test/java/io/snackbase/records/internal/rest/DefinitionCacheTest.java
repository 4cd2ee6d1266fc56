package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.service.CollectionStore;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition cache of reads: this instance's rule and field changes apply to the next read,
 * another instance's (a direct write to the tables) to the next write at once and to reads within
 * the time to live.
 */
@SuppressWarnings("unchecked")
class DefinitionCacheTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private CollectionsResource collections;
    private CollectionRulesResource rules;
    private RecordsResource records;
    private ContainerRequestContext alice;
    private String postsId;
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        rules = new CollectionRulesResource(f.w.ruleSettings);
        records = new RecordsResource(f.w.records);
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", f.account("acme"), "user", "jwt"));
        var created = collections.create(new HashMap<>(Map.of("name", "posts", "fields", List.of(field("title", "text")))), root);
        postsId = (String) ((Map<String, Object>) created.getEntity()).get("id");
        Map<String, Object> open = new LinkedHashMap<>();
        for (String rule : List.of("list_rule", "view_rule", "create_rule", "update_rule", "delete_rule")) {
            open.put(rule, "");
        }
        rules.put("posts", open, root);
    }

    private Map<String, Object> create(String title) {
        return records.create("posts", new HashMap<>(Map.of("title", title)), alice).getEntity() instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
    }

    private List<Map<String, Object>> list() {
        return (List<Map<String, Object>>) records.list("posts", Map.of(), alice).get("items");
    }

    private static int status(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.status();
        }
        return 200;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void ruleAndFieldChangesHereApplyToTheNextRead(DatabaseKind kind) throws Exception {
        setUp(kind);
        String id = (String) create("one").get("id");
        assertThat(list()).hasSize(1);
        rules.put("posts", new LinkedHashMap<>(Map.of("list_rule", "title = \"two\"", "view_rule", "title = \"two\"")), root);
        assertThat(list()).isEmpty();
        assertThat(status(() -> records.view("posts", id, null, alice))).isEqualTo(404);

        collections.update(postsId, new HashMap<>(Map.of("fields", List.of(field("title", "text"), field("body", "text")))), root);
        rules.put("posts", new LinkedHashMap<>(Map.of("view_rule", "")), root);
        assertThat(records.view("posts", id, null, alice)).containsKey("body");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anotherInstancesRuleChangeBindsTheNextWriteAtOnceAndReadsWithinTheTimeToLive(DatabaseKind kind) throws Exception {
        setUp(kind);
        create("one");
        assertThat(list()).hasSize(1);
        // another instance locks the collection: this one has not seen the write
        f.update("UPDATE collection_rules SET list_rule = NULL, create_rule = NULL WHERE collection_id = ?", postsId);
        assertThat(status(() -> create("two"))).isEqualTo(403);
        assertThat(list()).hasSize(1); // the cached definition, at most one time to live old
        Thread.sleep(CollectionStore.DEFAULT_DEFINITION_CACHE_MS + 100);
        assertThat(status(this::list)).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aDroppedCollectionIsGoneForReadsHereAtOnce(DatabaseKind kind) throws Exception {
        setUp(kind);
        assertThat(list()).isEmpty();
        collections.delete(postsId, root);
        assertThat(status(this::list)).isEqualTo(404);
    }
}
