package io.snackbase.records.internal.service;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.store.CollectionMapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Collection create, update and delete on every database, checked on the physical tables by JDBC. */
class CollectionTablesTest {

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

    private CollectionDefinition create(String name, Object... fields) {
        return f.w.collections.create(name, List.of(fields), Map.of(), root());
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
    void createMakesTheTableWithSystemColumnsConstraintsAndIndexes(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        CollectionDefinition c = create("Posts", field("title", "text", "required", true), field("views", "number"),
                field("published", "boolean"), field("meta", "json"), field("contact", "email"), field("site", "url"),
                field("day", "date"), field("at", "datetime"), field("attachment", "file"), field("slug", "text", "unique", true),
                field("total", "computed", "expression", "views + 1", "return_type", "number"));
        assertThat(c.tableName()).isEqualTo("col_posts");
        assertThat(f.columns("col_posts")).containsExactly("id", "account_id", "created_at", "updated_at", "created_by", "updated_by",
                "title", "views", "published", "meta", "contact", "site", "day", "at", "attachment", "slug");
        for (String system : List.of("id", "account_id", "created_at", "updated_at", "created_by", "updated_by")) {
            assertThat(f.notNull("col_posts", system)).as(system).isTrue();
        }
        // required is enforced by the record validator; the column stays nullable so that it can be switched off
        assertThat(f.notNull("col_posts", "title")).isFalse();
        assertThat(f.indexes("col_posts")).contains("ix_col_posts_created", "ux_col_posts_slug");

        String a = f.account("acme");
        String b = f.account("beta");
        f.insert("col_posts", a, Map.of("title", "x", "slug", "same", "views", 2.5, "published", true, "at", 1_700_000_000_000_000L));
        assertThat(f.fails("INSERT INTO col_posts (id, created_at, updated_at, created_by, updated_by) VALUES ('i', 1, 1, 'u', 'u')"))
                .as("account_id NOT NULL").isTrue();
        assertThat(f.fails("INSERT INTO col_posts (id, account_id, created_at, updated_at, created_by, updated_by) VALUES ('i', 'nope', 1, 1, 'u', 'u')"))
                .as("account FK").isTrue();
        assertThat(failsInsert("col_posts", a, Map.of("slug", "same"))).as("unique within an account").isTrue();
        f.insert("col_posts", b, Map.of("slug", "same"));
        assertThat(f.column("SELECT COUNT(*) FROM col_posts")).extracting(Object::toString).containsExactly("2");

        f.update("DELETE FROM accounts WHERE id = ?", a);
        assertThat(f.column("SELECT account_id FROM col_posts")).containsExactly(b);
    }

    private boolean failsInsert(String table, String account, Map<String, Object> values) {
        try {
            f.insert(table, account, values);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void referenceForeignKeysFollowOnDelete(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        create("people", field("name", "text"));
        CollectionDefinition posts = create("posts", field("author", "reference", "collection", "People", "on_delete", "cascade"),
                field("editor", "reference", "collection", "people", "on_delete", "set_null"),
                field("parent", "reference", "collection", "posts", "on_delete", "cascade"));
        create("reviews", field("reviewer", "reference", "collection", "people", "on_delete", "restrict"));
        assertThat(f.indexes(posts.tableName())).contains("ix_col_posts_author", "ix_col_posts_editor", "ix_col_posts_parent");

        String a = f.account("acme");
        String ann = f.insert("col_people", a, Map.of("name", "ann"));
        String bob = f.insert("col_people", a, Map.of("name", "bob"));
        String carl = f.insert("col_people", a, Map.of("name", "carl"));
        String post = f.insert("col_posts", a, Map.of("author", bob, "editor", ann));
        f.insert("col_posts", a, Map.of("editor", bob, "parent", post));
        f.insert("col_reviews", a, Map.of("reviewer", carl));
        assertThat(failsInsert("col_posts", a, Map.of("author", "missing"))).as("reference FK").isTrue();

        f.update("DELETE FROM col_people WHERE id = ?", ann);
        assertThat(f.column("SELECT editor FROM col_posts WHERE id = ?", post)).containsExactly((Object) null);
        assertThat(f.fails("DELETE FROM col_people WHERE id = ?", carl)).as("restrict").isTrue();
        f.update("DELETE FROM col_people WHERE id = ?", bob);
        assertThat(f.column("SELECT COUNT(*) FROM col_posts")).extracting(Object::toString).containsExactly("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void updateAddsColumnsToATableWithRowsAndSwitchesUnique(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        create("people", field("name", "text"));
        CollectionDefinition c = create("posts", field("title", "text", "unique", true));
        String a = f.account("acme");
        String row = f.insert("col_posts", a, Map.of("title", "one"));

        CollectionDefinition updated = f.w.collections.update(c.id(), List.of(field("title", "text", "required", true),
                field("status", "text", "required", true, "default", "draft"), field("meta", "json", "default", Map.of("k", 1)),
                field("score", "number", "default", 3, "unique", true), field("author", "reference", "collection", "people", "on_delete", "set_null"),
                field("label", "computed", "expression", "title", "return_type", "text")), Map.of(), false, root());
        assertThat(updated.fields()).hasSize(6);
        assertThat(updated.updatedAt()).isAfter(c.updatedAt());
        assertThat(f.columns("col_posts")).endsWith("title", "status", "meta", "score", "author");
        assertThat(f.notNull("col_posts", "status")).isFalse();
        assertThat(f.column("SELECT status FROM col_posts WHERE id = ?", row)).containsExactly("draft");
        assertThat(f.column("SELECT score FROM col_posts WHERE id = ?", row)).extracting(v -> ((Number) v).doubleValue()).containsExactly(3.0);
        assertThat(f.column("SELECT meta FROM col_posts WHERE id = ?", row).get(0).toString().replace(" ", "")).isEqualTo("{\"k\":1}");
        assertThat(f.indexes("col_posts")).contains("ux_col_posts_score", "ix_col_posts_author").doesNotContain("ux_col_posts_title");
        f.insert("col_posts", a, Map.of("title", "one", "score", 4.0));
        assertThat(failsInsert("col_posts", a, Map.of("score", 4.0))).isTrue();
        assertThat(failsInsert("col_posts", a, Map.of("author", "missing"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void updateRefusesRemovalAndTypeChangeAndLeavesTheTable(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        CollectionDefinition c = create("posts", field("title", "text"), field("body", "text"));
        ApiException removal = failure(() -> f.w.collections.update(c.id(), List.of(field("title", "text"), field("extra", "text")), Map.of(), false, root()));
        assertThat(removal.status()).isEqualTo(400);
        assertThat(removal.getMessage()).isEqualTo("Schema validation failed: body: Field deletion is not allowed for data safety");
        ApiException change = failure(() -> f.w.collections.update(c.id(), List.of(field("title", "number"), field("body", "text")), Map.of(), false, root()));
        assertThat(change.getMessage()).isEqualTo("Schema validation failed: schema[0].type: Type change from 'text' to 'number' is not allowed for data safety");
        assertThat(change.extras().get("details").toString()).contains("type_change_not_allowed");
        assertThat(f.columns("col_posts")).endsWith("title", "body");
        assertThat(f.w.store.collections.findById(c.id()).schemaJson).isEqualTo(f.w.store.byName("posts").schemaJson);
        assertThat(Schemas.decode(f.w.store.byName("posts").schemaJson)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aFailedUpdateLeavesTableAndDefinitionAsTheyWere(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        CollectionDefinition c = create("posts", field("title", "text"));
        String a = f.account("acme");
        f.insert("col_posts", a, Map.of("title", "same"));
        f.insert("col_posts", a, Map.of("title", "same"));
        // the new column is added first (on MariaDB that commits); the unique index then fails on the duplicates
        ApiException e = failure(() -> f.w.collections.update(c.id(), List.of(field("title", "text", "unique", true), field("extra", "text")),
                Map.of(), false, root()));
        assertThat(e.status()).isEqualTo(409);
        assertThat(f.columns("col_posts")).doesNotContain("extra");
        assertThat(f.indexes("col_posts")).doesNotContain("ux_col_posts_title");
        assertThat(Schemas.decode(f.w.store.byName("posts").schemaJson)).hasSize(1);
        // and the same change works once the data allows it
        f.update("DELETE FROM col_posts WHERE title = 'same'");
        f.w.collections.update(c.id(), List.of(field("title", "text", "unique", true), field("extra", "text")), Map.of(), false, root());
        assertThat(f.columns("col_posts")).contains("extra");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aFailedDefinitionWriteLeavesNoTable(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind, (store, storage) -> new CollectionStore(failingRules(store.collections), store.tables,
                storage.transactions(), store.dialect(), java.time.Clock.systemUTC()));
        assertThatThrownBy(() -> create("posts", field("title", "text"), field("slug", "text", "unique", true)))
                .hasMessageContaining("rules row refused");
        assertThat(f.columns("col_posts")).isEmpty();
        assertThat(f.w.store.byName("posts")).isNull();
    }

    /** A mapper whose rules insert fails after the table DDL and the definition insert ran. */
    private static CollectionMapper failingRules(CollectionMapper real) {
        return (CollectionMapper) Proxy.newProxyInstance(CollectionMapper.class.getClassLoader(), new Class<?>[] {CollectionMapper.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insertRules")) {
                        throw new IllegalStateException("rules row refused");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deleteDropsTheTableUnlessReferenced(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        CollectionDefinition people = create("people", field("name", "text"));
        CollectionDefinition posts = create("posts", field("author", "reference", "collection", "people", "on_delete", "cascade"),
                field("parent", "reference", "collection", "posts", "on_delete", "set_null"));
        String a = f.account("acme");
        f.insert("col_people", a, Map.of("name", "x"));
        ApiException refused = failure(() -> f.w.collections.delete(people.id(), root()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.getMessage()).isEqualTo("Collection 'people' is referenced by: posts");

        assertThat(f.w.collections.delete(posts.id(), root()).records()).isZero();
        assertThat(f.columns("col_posts")).isEmpty();
        Collections.Deleted deleted = f.w.collections.delete(people.id(), root());
        assertThat(deleted.records()).isEqualTo(1);
        assertThat(f.columns("col_people")).isEmpty();
        assertThat(f.w.store.collections.all()).isEmpty();
        assertThat(f.column("SELECT COUNT(*) FROM collection_rules")).extracting(Object::toString).containsExactly("0");
        assertThat(failure(() -> f.w.collections.delete(people.id(), root())).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void namesAreUniqueWithoutRegardToCaseAndHostileNamesNeverReachSql(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        create("Posts", field("title", "text"));
        ApiException taken = failure(() -> create("posts", field("title", "text")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.getMessage()).isEqualTo("Collection 'posts' already exists");
        assertThat(taken.extras()).containsEntry("field", "name");

        for (String hostile : List.of("x; DROP TABLE accounts", "pöst", "a".repeat(65), "col\"x", "x`y")) {
            ApiException e = failure(() -> create(hostile, field("title", "text")));
            assertThat(e.status()).as(hostile).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("Validation failed: name: ");
        }
        ApiException field = failure(() -> create("others", field("x); DROP TABLE accounts; --", "text")));
        assertThat(field.getMessage()).startsWith("Validation failed: schema[0].name: ");
        assertThat(f.column("SELECT COUNT(*) FROM accounts")).extracting(Object::toString).containsExactly("1");
        assertThat(f.w.store.collections.names()).containsExactly("Posts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void hooksSeeEveryChangeAndABeforeHandlerAborts(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        List<String> seen = new ArrayList<>();
        f.hooks = new HookDispatcher() {
            @Override
            public HookDispatchResult dispatch(HookEvent event, io.snackbase.api.hooks.HookContext context) {
                seen.add(event.name() + ":" + event.collection());
                boolean abort = event.name().equals("on_collection_before_create") && event.collection().equals("blocked");
                return new HookDispatchResult(event.data(), 1, abort, 403, abort ? "No new collections today" : null, List.of());
            }

            @Override
            public boolean hasHandlers(String event, String collection) {
                return true;
            }
        };
        CollectionDefinition c = create("posts", field("title", "text"));
        f.w.collections.update(c.id(), List.of(field("title", "text"), field("body", "text")), Map.of(), false, root());
        f.w.collections.delete(c.id(), root());
        ApiException aborted = failure(() -> create("blocked", field("title", "text")));
        assertThat(aborted.status()).isEqualTo(403);
        assertThat(aborted.getMessage()).isEqualTo("No new collections today");
        assertThat(f.columns("col_blocked")).isEmpty();
        assertThat(seen).containsExactly("on_collection_before_create:posts", "on_collection_after_create:posts",
                "on_collection_before_update:posts", "on_collection_after_update:posts", "on_collection_before_delete:posts",
                "on_collection_after_delete:posts", "on_collection_before_create:blocked");
    }
}
