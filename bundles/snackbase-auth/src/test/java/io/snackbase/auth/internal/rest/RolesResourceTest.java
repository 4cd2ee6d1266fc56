package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AdminFixture.as;
import static io.snackbase.auth.internal.AdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AdminFixture;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /roles} on every database: CRUD with its refusals, and the permission compatibility routes. */
class RolesResourceTest {

    static List<DatabaseKind> kinds() {
        return AdminFixture.kinds();
    }

    private AdminFixture f;
    private RolesResource resource;
    private ContainerRequestContext root;

    private void setUp(DatabaseKind kind) throws Exception {
        f = AdminFixture.on(kind);
        resource = new RolesResource(f.store);
        root = as(f.superadminUser());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(Map<String, Object> body) {
        Response response = resource.create(body, root);
        assertThat(response.getStatus()).isEqualTo(201);
        return (Map<String, Object>) response.getEntity();
    }

    private String id(Map<String, Object> role) {
        return String.valueOf(role.get("id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createsListsAndGets(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> editor = create(Map.of("name", "  editor ", "description", "Edits"));
        assertThat(editor).containsEntry("id", 3).containsEntry("name", "editor").containsEntry("description", "Edits")
                .containsKeys("created_at", "updated_at");
        assertThat(create(Map.of("name", "viewer"))).containsEntry("id", 4).containsEntry("description", null);

        Map<String, Object> list = resource.list(root);
        assertThat(list).containsEntry("total", 4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
        assertThat(items).extracting(m -> m.get("name")).containsExactly("admin", "user", "editor", "viewer");
        assertThat(resource.get("3", root)).isEqualTo(editor);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refusesBadOrDuplicateNames(DatabaseKind kind) throws Exception {
        setUp(kind);
        create(Map.of("name", "editor"));
        assertFails(() -> resource.create(Map.of("name", " editor "), root), 409, "Role with name 'editor' already exists");
        assertFails(() -> resource.create(Map.of("name", "admin"), root), 409, "Role with name 'admin' already exists");
        assertFails(() -> resource.create(Map.of("name", "   "), root), 422, "String should have at least 1 character");
        assertFails(() -> resource.create(Map.of(), root), 422, "Field required");
        assertFails(() -> resource.create(Map.of("name", "n".repeat(101)), root), 422, "String should have at most 100 characters");
        assertFails(() -> resource.create(Map.of("name", "ok", "description", "d".repeat(501)), root), 422,
                "String should have at most 500 characters");
        assertFails(() -> resource.get("abc", root), 422, "Input should be a valid integer, unable to parse string as an integer");
        assertFails(() -> resource.get("99", root), 404, "Role with ID 99 not found");
        assertThat(resource.list(root)).containsEntry("total", 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void updatesWithAnOptionalName(DatabaseKind kind) throws Exception {
        setUp(kind);
        String editor = id(create(Map.of("name", "editor", "description", "Edits")));
        create(Map.of("name", "viewer"));

        assertThat(resource.update(editor, Map.of("description", "Changes things"), root)).containsEntry("name", "editor")
                .containsEntry("description", "Changes things");
        assertThat(resource.update(editor, Map.of("name", " writer "), root)).containsEntry("name", "writer")
                .containsEntry("description", "Changes things");
        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        assertThat(resource.update(editor, clear, root)).containsEntry("description", null);
        assertThat(resource.update("1", Map.of("name", "admin", "description", "Admins"), root)).containsEntry("description", "Admins");

        assertFails(() -> resource.update(editor, Map.of("name", "viewer"), root), 409, "Role with name 'viewer' already exists");
        assertFails(() -> resource.update(editor, Map.of("name", ""), root), 422, "String should have at least 1 character");
        assertFails(() -> resource.update("1", Map.of("name", "boss"), root), 422, "Cannot rename default role 'admin'");
        assertFails(() -> resource.update("77", Map.of("name", "x"), root), 404, "Role with ID 77 not found");
        assertFails(() -> resource.update("x", Map.of("name", "x"), root), 422,
                "Input should be a valid integer, unable to parse string as an integer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deletesUnusedCustomRolesOnly(DatabaseKind kind) throws Exception {
        setUp(kind);
        String editor = id(create(Map.of("name", "editor")));
        String used = id(create(Map.of("name", "used")));
        AccountRow a = f.account("A", "acc-a");
        f.user(a.id, "u@example.com", Integer.parseInt(used));

        assertThat(resource.delete(editor, root).getStatus()).isEqualTo(204);
        assertFails(() -> resource.get(editor, root), 404, "Role with ID " + editor + " not found");
        assertFails(() -> resource.delete(editor, root), 404, "Role with ID " + editor + " not found");
        assertFails(() -> resource.delete(used, root), 409, "Role is in use");
        assertFails(() -> resource.delete(String.valueOf(Users.ADMIN_ROLE), root), 422, "Cannot delete default role 'admin'");
        assertFails(() -> resource.delete(String.valueOf(Users.USER_ROLE), root), 422, "Cannot delete default role 'user'");
        assertFails(() -> resource.delete("x", root), 422, "Input should be a valid integer, unable to parse string as an integer");
        // an id freed by a deletion is not handed out again while a higher one exists
        assertThat(create(Map.of("name", "later"))).containsEntry("id", Integer.parseInt(used) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void answersThePermissionCallsWithoutInventingPermissions(DatabaseKind kind) throws Exception {
        setUp(kind);
        assertThat(resource.permissions("2", root)).isEmpty();
        Map<String, Object> matrix = resource.matrix("2", root);
        assertThat(matrix).containsOnlyKeys("role", "collections").containsEntry("collections", List.of());
        assertThat(matrix.get("role")).isEqualTo(resource.get("2", root));
        assertThat(resource.bulk("2", Map.of("updates", List.of(Map.of("collection", "posts"), Map.of("collection", "tags"))), root))
                .containsEntry("success_count", 0).containsEntry("failure_count", 2)
                .containsEntry("errors", Collections.nCopies(2, RolesResource.NO_PERMISSIONS));
        assertThat(resource.bulk("2", Map.of("updates", List.of()), root)).containsEntry("failure_count", 0).containsEntry("errors", List.of());

        assertFails(() -> resource.permissions("9", root), 404, "Role with ID 9 not found");
        assertFails(() -> resource.matrix("9", root), 404, "Role with ID 9 not found");
        assertFails(() -> resource.bulk("9", Map.of("updates", List.of()), root), 404, "Role with ID 9 not found");
        assertFails(() -> resource.bulk("2", Map.of("updates", "all"), root), 422, "Input should be a valid list");
        assertFails(() -> resource.bulk("2", Map.of(), root), 422, "Field required");
        assertFails(() -> resource.permissions("two", root), 422, "Input should be a valid integer, unable to parse string as an integer");
    }

    /** Concurrent creations race for max + 1 and for the name; every distinct name ends up with its own id. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentCreationsRetryForFreeIds(DatabaseKind kind) throws Exception {
        setUp(kind);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "role-" + (i % 6);
                work.add(() -> {
                    try {
                        return create(Map.of("name", name)).get("id");
                    } catch (io.snackbase.api.errors.ApiException e) {
                        return e.status() + " " + e.getMessage();
                    }
                });
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> done : pool.invokeAll(work)) {
                outcomes.add(done.get());
            }
            assertThat(outcomes.stream().filter(o -> o instanceof Integer)).hasSize(6).doesNotHaveDuplicates();
            assertThat(outcomes.stream().filter(o -> o instanceof String).map(String.class::cast))
                    .hasSize(2).allMatch(s -> s.startsWith("409 Role with name 'role-"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(resource.list(root)).containsEntry("total", 8);
    }
}
