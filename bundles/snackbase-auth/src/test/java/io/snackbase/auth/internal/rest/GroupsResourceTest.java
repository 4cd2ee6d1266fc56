package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.GroupsFixture.as;
import static io.snackbase.auth.internal.GroupsFixture.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.GroupsFixture;
import io.snackbase.auth.internal.service.Groups;
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

class GroupsResourceTest {

    static List<DatabaseKind> kinds() {
        return GroupsFixture.kinds();
    }

    private GroupsFixture f;
    private GroupsResource groups;

    private void open(DatabaseKind kind) throws Exception {
        f = GroupsFixture.on(kind);
        groups = new GroupsResource(new Groups(f.auth.store));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(ContainerRequestContext request, Map<String, Object> body) {
        Response r = groups.create(body, request);
        assertThat(r.getStatus()).isEqualTo(201);
        return (Map<String, Object>) r.getEntity();
    }

    private List<Map<String, Object>> list(ContainerRequestContext request) {
        return groups.list(null, null, null, null, null, null, request);
    }

    private static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(g -> g.get("id")).toList();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createsReadsUpdatesAndDeletesAGroupOfTheCallersAccount(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);

        Map<String, Object> g = create(as(admin), body("name", " Editors ", "description", "They edit"));
        assertThat(g).containsEntry("account_id", a.id).containsEntry("account_code", a.accountCode)
                .containsEntry("name", "Editors").containsEntry("description", "They edit").containsEntry("is_system", false)
                .containsEntry("member_count", 0L).containsEntry("users", List.of())
                .containsKeys("id", "created_at", "updated_at");
        String id = (String) g.get("id");

        assertThat(ids(list(as(admin)))).containsExactly(id);
        assertThat(groups.get(id, as(admin))).containsEntry("name", "Editors").containsKey("users");

        Map<String, Object> renamed = groups.update(id, body("name", "Writers"), as(admin));
        assertThat(renamed).containsEntry("name", "Writers").containsEntry("description", "They edit");
        assertThat(groups.update(id, body("description", null), as(admin))).containsEntry("description", null)
                .containsEntry("name", "Writers");
        // a change of case of its own name is no clash
        assertThat(groups.update(id, body("name", "WRITERS"), as(admin))).containsEntry("name", "WRITERS");

        assertThat(groups.delete(id, as(admin)).getStatus()).isEqualTo(204);
        fails(404, "Group not found", () -> groups.get(id, as(admin)));
        fails(404, "Group not found", () -> groups.delete(id, as(admin)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesBadNamesDescriptionsAndDuplicates(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow user = f.user(a, Users.USER_ROLE);
        ContainerRequestContext req = as(user);

        assertThat(fails(422, "Field required", () -> groups.create(body(), req)).extras()).containsEntry("field", "name");
        assertThat(fails(422, null, () -> groups.create(body("name", "   "), req)).extras()).containsEntry("field", "name");
        fails(422, null, () -> groups.create(body("name", "x".repeat(101)), req));
        fails(422, null, () -> groups.create(body("name", 42), req));
        assertThat(fails(422, null, () -> groups.create(body("name", "ok", "description", "d".repeat(501)), req)).extras())
                .containsEntry("field", "description");
        create(req, body("name", "x".repeat(100), "description", "d".repeat(500)));

        String id = (String) create(req, body("name", "Team")).get("id");
        ApiException dup = fails(409, "Group with this name already exists in the account", () -> groups.create(body("name", "Team"), req));
        assertThat(dup.extras()).containsEntry("field", "name");
        // names clash regardless of case on every database (MariaDB's collation would fold case anyway)
        fails(409, "Group with this name already exists in the account", () -> groups.create(body("name", "team"), req));
        String other = (String) create(req, body("name", "Other")).get("id");
        fails(409, "Group with this name already exists in the account", () -> groups.update(other, body("name", "TEAM"), req));
        fails(422, null, () -> groups.update(id, body("description", "d".repeat(501)), req));
        fails(422, null, () -> groups.update(id, body("name", ""), req));

        // the same name in another account is another group
        UserRow stranger = f.user(f.account(), Users.USER_ROLE);
        create(as(stranger), body("name", "Team"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void onlySuperadminsChooseTheAccount(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        AccountRow b = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);
        UserRow sa = f.superadmin();

        fails(403, null, () -> groups.create(body("name", "Intruders", "account_id", b.id), as(admin)));
        assertThat(list(as(f.user(b, Users.ADMIN_ROLE)))).isEmpty();
        assertThat(create(as(admin), body("name", "Own", "account_id", a.id))).containsEntry("account_id", a.id);

        assertThat(create(as(sa), body("name", "For B", "account_id", b.id))).containsEntry("account_id", b.id)
                .containsEntry("account_code", b.accountCode);
        assertThat(create(as(sa), body("name", "Admins " + sa.id))).containsEntry("account_id", Principal.SYSTEM_ACCOUNT_ID);
        fails(404, "Account not found", () -> groups.create(body("name", "Nowhere", "account_id", "no-such-account"), as(sa)));

        // superadmins see every account's groups, or one account's with account_id
        List<Map<String, Object>> all = groups.list(null, "1000", null, null, null, null, as(sa));
        assertThat(all).extracting(g -> g.get("account_id")).contains(a.id, b.id, Principal.SYSTEM_ACCOUNT_ID);
        assertThat(groups.list(null, null, null, null, null, b.id, as(sa))).extracting(g -> g.get("name")).containsExactly("For B");
        // others' account_id filter is ignored: still only their own account
        assertThat(groups.list(null, null, null, null, null, b.id, as(admin))).extracting(g -> g.get("name")).containsExactly("Own");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void keepsEveryTenantInsideItsOwnAccount(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        AccountRow b = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        UserRow bob = f.user(b, Users.ADMIN_ROLE);
        UserRow bobsColleague = f.user(b, Users.USER_ROLE);
        String bGroup = (String) create(as(bob), body("name", "B team")).get("id");
        groups.addUser(bGroup, body("user_id", bobsColleague.id), as(bob));
        String aGroup = (String) create(as(alice), body("name", "A team")).get("id");

        ContainerRequestContext asAlice = as(alice);
        assertThat(ids(list(asAlice))).containsExactly(aGroup);
        assertThat(ids(groups.list(null, null, null, null, "team", null, asAlice))).containsExactly(aGroup);
        fails(404, "Group not found", () -> groups.get(bGroup, asAlice));
        fails(404, "Group not found", () -> groups.update(bGroup, body("name", "Taken over"), asAlice));
        fails(404, "Group not found", () -> groups.delete(bGroup, asAlice));
        fails(404, "Group not found", () -> groups.addUser(bGroup, body("user_id", alice.id), asAlice));
        fails(404, "Group not found", () -> groups.removeUser(bGroup, bobsColleague.id, asAlice));
        // nor may B's users be pulled into A's group
        fails(404, "User not found", () -> groups.addUser(aGroup, body("user_id", bob.id), asAlice));

        Map<String, Object> untouched = groups.get(bGroup, as(bob));
        assertThat(untouched).containsEntry("name", "B team").containsEntry("member_count", 1L);
        assertThat((List<?>) untouched.get("users")).hasSize(1);
        assertThat(groups.get(aGroup, asAlice)).containsEntry("member_count", 0L);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void addsListsAndRemovesMembers(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);
        UserRow member = f.user(a, Users.USER_ROLE);
        ContainerRequestContext req = as(admin);
        String id = (String) create(req, body("name", "Reviewers")).get("id");

        Response added = groups.addUser(id, body("user_id", member.id), req);
        assertThat(added.getStatus()).isEqualTo(201);
        assertThat(added.getEntity()).isEqualTo(Map.of("message", "User added to group"));
        fails(409, "User already in group", () -> groups.addUser(id, body("user_id", member.id), req));
        fails(422, "Field required", () -> groups.addUser(id, body(), req));
        fails(404, "User not found", () -> groups.addUser(id, body("user_id", "00000000-0000-4000-8000-000000000000"), req));
        fails(404, "Group not found", () -> groups.addUser("no-such-group", body("user_id", member.id), req));

        Map<String, Object> detail = groups.get(id, req);
        assertThat(detail).containsEntry("member_count", 1L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) detail.get("users");
        assertThat(users).singleElement().satisfies(u -> assertThat(u).containsEntry("id", member.id)
                .containsEntry("email", member.email).containsEntry("account_id", a.id).containsEntry("role", "user")
                .containsEntry("groups", List.of("Reviewers")));
        assertThat(list(req)).singleElement().satisfies(g -> assertThat(g).containsEntry("member_count", 1L));

        assertThat(groups.removeUser(id, member.id, req).getStatus()).isEqualTo(204);
        fails(404, null, () -> groups.removeUser(id, member.id, req));
        assertThat(groups.get(id, req)).containsEntry("member_count", 0L).containsEntry("users", List.of());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theSystemGroupKeepsItsNameAndCannotBeDeleted(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);
        f.auth.store.inTransaction(() -> {
            f.auth.users.addPiiGroup(a.id, admin.id);
            return null;
        });
        ContainerRequestContext req = as(admin);
        Map<String, Object> pii = list(req).get(0);
        String id = (String) pii.get("id");
        assertThat(pii).containsEntry("name", "pii_access").containsEntry("is_system", true).containsEntry("member_count", 1L);

        fails(422, "Cannot delete system group", () -> groups.delete(id, req));
        fails(422, "Cannot rename system group", () -> groups.update(id, body("name", "everyone"), req));
        assertThat(groups.update(id, body("name", "pii_access", "description", "PII readers"), req))
                .containsEntry("description", "PII readers").containsEntry("name", "pii_access");
        fails(409, null, () -> groups.create(body("name", "PII_ACCESS"), req));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void onlyAdminsChangeWhoIsInTheSystemGroup(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);
        UserRow plain = f.user(a, Users.USER_ROLE);
        f.auth.store.inTransaction(() -> {
            f.auth.users.addPiiGroup(a.id, admin.id);
            return null;
        });
        String id = (String) list(as(admin)).get(0).get("id");
        fails(403, "Only account admins can change the members of a system group",
                () -> groups.addUser(id, body("user_id", plain.id), as(plain)));
        fails(403, "Only account admins can change the members of a system group",
                () -> groups.removeUser(id, admin.id, as(plain)));
        assertThat(groups.addUser(id, body("user_id", plain.id), as(admin)).getStatus()).isEqualTo(201);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pagesAndSearches(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        ContainerRequestContext req = as(f.user(a, Users.USER_ROLE));
        for (String name : List.of("alpha", "beta", "gamma", "delta", "50%_off")) {
            create(req, body("name", name));
        }
        assertThat(list(req)).extracting(g -> g.get("name")).containsExactly("50%_off", "alpha", "beta", "delta", "gamma");
        assertThat(groups.list("1", "2", null, null, null, null, req)).extracting(g -> g.get("name")).containsExactly("alpha", "beta");
        assertThat(groups.list(null, null, "2", "2", null, null, req)).extracting(g -> g.get("name")).containsExactly("beta", "delta");
        assertThat(groups.list(null, null, null, null, "ELT", null, req)).extracting(g -> g.get("name")).containsExactly("delta");
        // LIKE wildcards in the search are literal
        assertThat(groups.list(null, null, null, null, "%_", null, req)).extracting(g -> g.get("name")).containsExactly("50%_off");
        fails(422, null, () -> groups.list("-1", null, null, null, null, null, req));
        fails(422, null, () -> groups.list(null, "lots", null, null, null, null, req));
        fails(422, null, () -> groups.list(null, null, "0", null, null, null, req));
        fails(422, null, () -> groups.list(null, null, null, "101", null, null, req));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void needsAnAuthenticatedCaller(DatabaseKind kind) throws Exception {
        open(kind);
        ContainerRequestContext anonymous = GroupsFixture.anonymous();
        fails(401, null, () -> groups.create(body("name", "x"), anonymous));
        fails(401, null, () -> list(anonymous));
        fails(401, null, () -> groups.get("any", anonymous));
        fails(401, null, () -> groups.addUser("any", body("user_id", "u"), anonymous));
    }
}
