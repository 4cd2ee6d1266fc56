package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordOperationsImpl;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.records.WriteListeners;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-transaction {@code RecordWriteListener} whiteboard and {@code RecordOperations}, on every database. */
class WriteListenersTest {

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listenersSeeEachWriteInRankingOrderAndTheirFailureRollsItBack(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        String acc = f.account("acme");
        Map<String, Object> body = new HashMap<>(Map.of("name", "posts", "fields", List.of(field("title", "text"))));
        body.putAll(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC()).create(body, RecordsFixture.request("superadmin"));
        RequestContext alice = new RequestContext(new Principal("u-alice", "alice@acme.test", acc, "user", "jwt"), acc, "r1", null, null);

        List<String> seen = new ArrayList<>();
        WriteListeners listeners = new WriteListeners();
        listeners.add(1, w -> seen.add("low:" + w.kind().event()));
        listeners.add(5, w -> {
            seen.add("high:" + w.kind().event() + ":" + w.accountId() + ":" + (w.record() == null ? null : w.record().get("title"))
                    + ":" + (w.previous() == null ? null : w.previous().get("title")));
            if ("boom".equals(w.record() == null ? null : w.record().get("title"))) {
                throw new IllegalStateException("outbox unavailable");
            }
        });
        f.w.records.writeListeners(listeners);
        RecordOperationsImpl ops = new RecordOperationsImpl(f.w.records);

        String id = (String) ops.create("posts", Map.of("title", "a"), alice).get("id");
        ops.update("posts", id, Map.of("title", "b"), true, alice);
        ops.delete("posts", id, alice);
        assertThat(seen).containsExactly("high:create:" + acc + ":a:null", "low:create", "high:update:" + acc + ":b:a", "low:update",
                "high:delete:" + acc + ":null:b", "low:delete");
        assertThat(ops.get("posts", id, alice)).isEmpty();

        assertThatThrownBy(() -> ops.create("posts", Map.of("title", "boom"), alice)).hasMessageContaining("outbox unavailable");
        assertThat(f.column("SELECT COUNT(*) FROM col_posts").get(0).toString()).isEqualTo("0");
        listeners.remove(5);
        ops.create("posts", Map.of("title", "boom"), alice);
        assertThat(f.column("SELECT COUNT(*) FROM col_posts").get(0).toString()).isEqualTo("1");
    }
}
