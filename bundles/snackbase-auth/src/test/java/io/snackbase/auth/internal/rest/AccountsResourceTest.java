package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AdminFixture.as;
import static io.snackbase.auth.internal.AdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AdminFixture;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /accounts} on every database: paging, sorting, search, create/rename/delete and their refusals. */
class AccountsResourceTest {

    static List<DatabaseKind> kinds() {
        return AdminFixture.kinds();
    }

    private AdminFixture f;
    private AccountsResource resource;
    private ContainerRequestContext root;

    private void setUp(DatabaseKind kind) throws Exception {
        f = AdminFixture.on(kind);
        resource = new AccountsResource(f.store, f.w.accounts);
        root = as(f.superadminUser());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> created(Response response) {
        assertThat(response.getStatus()).isEqualTo(201);
        return (Map<String, Object>) response.getEntity();
    }

    private Map<String, Object> create(String name, String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("slug", slug);
        return created(resource.create(body, root));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createsWithSequentialCodesAndAnswersTheDetail(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> first = create("  Acme Corp ", "acme");
        Map<String, Object> second = create("Beta", null);

        assertThat(first).containsEntry("account_code", "AA0001").containsEntry("slug", "acme").containsEntry("name", "Acme Corp")
                .containsEntry("user_count", 0L).containsEntry("collections_used", List.of())
                .containsKeys("id", "created_at", "updated_at");
        assertThat(second).containsEntry("account_code", "AA0002").containsEntry("slug", "beta");
        assertThat(resource.get((String) first.get("id"), root)).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void generatedSlugsAreSuffixedOnCollision(DatabaseKind kind) throws Exception {
        setUp(kind);
        assertThat(create("Acme Corp", null)).containsEntry("slug", "acme-corp");
        assertThat(create("ACME corp", null)).containsEntry("slug", "acme-corp-1");
        assertThat(create("acme  CORP!", null)).containsEntry("slug", "acme-corp-2");
        assertThat(create("ab", null)).containsEntry("slug", "account-ab");
        String longName = "a".repeat(40);
        assertThat(create(longName, null)).containsEntry("slug", "a".repeat(32));
        assertThat(create(longName, null)).containsEntry("slug", "a".repeat(30) + "-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refusesBadNamesAndSlugsWith422(DatabaseKind kind) throws Exception {
        setUp(kind);
        create("Acme", "acme");
        assertFails(() -> resource.create(Map.of("name", "Other", "slug", "acme"), root), 422, "Slug 'acme' already exists");
        assertFails(() -> resource.create(Map.of("name", "Other", "slug", "ab"), root), 422, "Slug must be between 3 and 32 characters");
        assertFails(() -> resource.create(Map.of("name", "Other", "slug", "Has_Upper"), root), 422,
                "Slug may contain only lowercase letters, digits and hyphens");
        assertFails(() -> resource.create(Map.of("slug", "fine"), root), 422, "Field required");
        assertFails(() -> resource.create(null, root), 422, "Field required");
        assertFails(() -> resource.create(Map.of("name", "  "), root), 422, "String should have at least 1 character");
        assertFails(() -> resource.create(Map.of("name", "x".repeat(256)), root), 422, "String should have at most 255 characters");
        assertFails(() -> resource.create(Map.of("name", 5), root), 422, "value must be a string");
        assertThat(f.store.accounts.count(null)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listsPagesSortedAndSearched(DatabaseKind kind) throws Exception {
        setUp(kind);
        AccountRow gamma = f.account("Gamma", "gamma");
        f.account("Alpha", "alpha");
        f.account("Beta", "beta");
        f.user(gamma.id, "a@example.com", Users.ADMIN_ROLE);
        f.user(gamma.id, "b@example.com", Users.USER_ROLE);

        Map<String, Object> byName = resource.list("1", "2", "name", "asc", null, root);
        assertThat(byName).containsEntry("total", 4L).containsEntry("page", 1).containsEntry("page_size", 2)
                .containsEntry("total_pages", 2L);
        assertThat(items(byName)).extracting(m -> m.get("slug")).containsExactly("alpha", "beta");
        assertThat(items(resource.list("2", "2", "name", "asc", null, root))).extracting(m -> m.get("slug"))
                .containsExactly("gamma", "system");
        assertThat(items(resource.list(null, null, "slug", "DESC", null, root))).extracting(m -> m.get("slug"))
                .containsExactly("system", "gamma", "beta", "alpha");

        Map<String, Object> searched = resource.list(null, null, null, null, "AMM", root);
        assertThat(searched).containsEntry("total", 1L).containsEntry("total_pages", 1L).containsEntry("page_size", 25);
        assertThat(items(searched).get(0)).containsEntry("slug", "gamma").containsEntry("user_count", 2L).containsEntry("status", "active")
                .containsEntry("account_code", gamma.accountCode);
        assertThat(items(resource.list(null, null, null, null, "sy0000", root))).extracting(m -> m.get("id"))
                .containsExactly(Principal.SYSTEM_ACCOUNT_ID);
        // LIKE wildcards in the search are literal characters
        assertThat(resource.list(null, null, null, null, "%", root)).containsEntry("total", 0L).containsEntry("total_pages", 1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refusesBadListParametersWith422(DatabaseKind kind) throws Exception {
        setUp(kind);
        assertFails(() -> resource.list(null, null, "password", null, null, root), 422,
                "Invalid sort_by column. Must be one of: id, slug, name, created_at, account_code");
        assertFails(() -> resource.list(null, null, "name; DROP TABLE accounts", null, null, root), 422,
                "Invalid sort_by column. Must be one of: id, slug, name, created_at, account_code");
        assertFails(() -> resource.list(null, null, null, "sideways", null, root), 422, "String should match pattern '^(asc|desc)$'");
        assertFails(() -> resource.list("0", null, null, null, null, root), 422, "Input should be greater than or equal to 1");
        assertFails(() -> resource.list("x", null, null, null, null, root), 422,
                "Input should be a valid integer, unable to parse string as an integer");
        assertFails(() -> resource.list(null, "101", null, null, null, root), 422, "Input should be less than or equal to 100");
        assertFails(() -> resource.list(null, "0", null, null, null, root), 422, "Input should be greater than or equal to 1");
        assertFails(() -> resource.list("99999999999", null, null, null, null, root), 422, "Input should be less than or equal to 85899345");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void renamesOnlyTheName(DatabaseKind kind) throws Exception {
        setUp(kind);
        AccountRow a = f.account("Old", "old-slug");
        Map<String, Object> renamed = resource.update(a.id, Map.of("name", "New", "slug", "ignored"), root);
        assertThat(renamed).containsEntry("name", "New").containsEntry("slug", "old-slug").containsEntry("account_code", a.accountCode);
        assertFails(() -> resource.update(a.id, Map.of(), root), 422, "Field required");
        assertFails(() -> resource.update("nope", Map.of("name", "X"), root), 404, "Account 'nope' not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deletesWithEverythingInItButNeverTheSystemAccount(DatabaseKind kind) throws Exception {
        setUp(kind);
        AccountRow doomed = f.account("Doomed", "doomed");
        AccountRow kept = f.account("Kept", "kept");
        UserRow user = f.user(doomed.id, "u@example.com", Users.ADMIN_ROLE);
        UserRow other = f.user(kept.id, "u@example.com", Users.ADMIN_ROLE);
        f.w.users.addPiiGroup(doomed.id, user.id);
        f.w.sessions.start(user);
        f.w.email.sendVerification(user, user.email, null);

        assertThat(resource.delete(doomed.id, root).getStatus()).isEqualTo(204);

        assertThat(f.store.accounts.findById(doomed.id)).isNull();
        assertThat(f.store.users.findById(user.id)).isNull();
        assertThat(f.store.groups.list(doomed.id, null, 10, 0)).isEmpty();
        assertThat(f.store.users.findById(other.id)).isNotNull();
        assertFails(() -> resource.delete(doomed.id, root), 404, "Account '" + doomed.id + "' not found");
        assertFails(() -> resource.delete(Principal.SYSTEM_ACCOUNT_ID, root), 422, "Cannot delete system account");
        assertFails(() -> resource.get(doomed.id, root), 404, "Account '" + doomed.id + "' not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listsTheUsersOfOneAccount(DatabaseKind kind) throws Exception {
        setUp(kind);
        AccountRow a = f.account("A", "acc-a");
        AccountRow b = f.account("B", "acc-b");
        for (int i = 0; i < 3; i++) {
            f.user(a.id, "user" + i + "@example.com", Users.USER_ROLE);
        }
        f.user(b.id, "other@example.com", Users.USER_ROLE);

        Map<String, Object> page = resource.users(a.id, "2", "2", root);
        assertThat(page).containsEntry("total", 3L).containsEntry("page", 2).containsEntry("page_size", 2).containsEntry("total_pages", 2L);
        assertThat(items(page)).hasSize(1);
        assertThat(items(page).get(0)).containsOnlyKeys("id", "email", "role", "is_active", "created_at").containsEntry("role", "user");
        assertThat(items(resource.users(a.id, null, null, root))).extracting(m -> m.get("email"))
                .containsExactlyInAnyOrder("user0@example.com", "user1@example.com", "user2@example.com");
        assertFails(() -> resource.users("missing", null, null, root), 404, "Account 'missing' not found");
        assertFails(() -> resource.users(a.id, null, "500", root), 422, "Input should be less than or equal to 100");
    }
}
