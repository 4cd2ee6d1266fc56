package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AdminFixture.as;
import static io.snackbase.auth.internal.AdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.mail.MailTemplates;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AdminFixture;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.service.UserAdmin;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.RefreshTokenRow;
import io.snackbase.auth.internal.store.RoleRow;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /users} on every database: listing, creation, changes, passwords, verification and deactivation. */
class UsersResourceTest {

    static List<DatabaseKind> kinds() {
        return AdminFixture.kinds();
    }

    private static final String NEW_PASSWORD = "Another-Secret-42";

    private AdminFixture f;
    private UsersResource resource;
    private UserRow rootUser;
    private ContainerRequestContext root;
    private AccountRow acme;

    private void setUp(DatabaseKind kind) throws Exception {
        f = AdminFixture.on(kind);
        resource = new UsersResource(f.store, new UserAdmin(f.store, f.w.hasher, f.w.email));
        rootUser = f.superadminUser();
        root = as(rootUser);
        acme = f.account("Acme", "acme");
    }

    private Map<String, Object> newUser(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", AdminFixture.PASSWORD);
        body.put("account_id", acme.id);
        body.put("role_id", Users.USER_ROLE);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(Map<String, Object> body) {
        Response response = resource.create(body, root);
        assertThat(response.getStatus()).isEqualTo(201);
        return (Map<String, Object>) response.getEntity();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private Map<String, Object> list(Map<String, String> q) {
        return resource.list(q.get("account_id"), q.get("role_id"), q.get("is_active"), q.get("search"), q.get("skip"), q.get("limit"),
                q.get("sort"), q.get("page"), q.get("page_size"), q.get("sort_by"), q.get("sort_order"), root);
    }

    private boolean liveRefreshToken(String refreshToken) {
        RefreshTokenRow row = f.store.tokens.findRefresh(Secrets.sha256(refreshToken));
        return row.revokedAt == null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createsUnverifiedUsersWithTheUserShape(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> body = newUser("  New.User@Example.COM ");
        body.put("profile_data", Map.of("nick", "nu"));
        body.put("is_active", false);
        Map<String, Object> user = create(body);

        assertThat(user).containsEntry("email", "new.user@example.com").containsEntry("account_id", acme.id)
                .containsEntry("account_code", acme.accountCode).containsEntry("account_name", "Acme").containsEntry("role_id", 2)
                .containsEntry("role_name", "user").containsEntry("role", "user").containsEntry("groups", List.of())
                .containsEntry("is_active", false).containsEntry("auth_provider", "password").containsEntry("email_verified", false)
                .containsEntry("email_verified_at", null).containsEntry("profile_data", Map.of("nick", "nu"))
                .containsEntry("last_login", null).containsKeys("id", "created_at", "updated_at");
        UserRow row = f.store.users.findById((String) user.get("id"));
        assertThat(f.w.hasher.verify(AdminFixture.PASSWORD, row.passwordHash)).isTrue();
        assertThat(resource.get(row.id, root)).isEqualTo(user);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void providerUsersGetAPasswordNobodyKnows(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> body = newUser("oauth@example.com");
        body.remove("password");
        body.put("auth_provider", "oauth");
        body.put("auth_provider_name", "github");
        body.put("external_id", "12345");
        Map<String, Object> user = create(body);
        assertThat(user).containsEntry("auth_provider", "oauth").containsEntry("auth_provider_name", "github").containsEntry("external_id", "12345");
        UserRow row = f.store.users.findById((String) user.get("id"));
        assertThat(f.w.hasher.verify("", row.passwordHash)).isFalse();
        assertThat(f.w.hasher.verify(AdminFixture.PASSWORD, row.passwordHash)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refusesCreationsTheContractRefuses(DatabaseKind kind) throws Exception {
        setUp(kind);
        create(newUser("taken@example.com"));

        Map<String, Object> noPassword = newUser("a@example.com");
        noPassword.remove("password");
        assertFails(() -> resource.create(noPassword, root), 400, "Password is required for password-based authentication");
        Map<String, Object> weak = newUser("a@example.com");
        weak.put("password", "short");
        ApiException policy = AdminFixture.failure(() -> resource.create(weak, root));
        assertThat(policy.status()).isEqualTo(400);
        assertThat(policy.extras()).containsEntry("field", "password");
        Map<String, Object> noAccount = newUser("a@example.com");
        noAccount.put("account_id", "00000000-0000-0000-0000-00000000beef");
        assertFails(() -> resource.create(noAccount, root), 404, "Account not found");
        Map<String, Object> noRole = newUser("a@example.com");
        noRole.put("role_id", 999);
        assertFails(() -> resource.create(noRole, root), 404, "Role not found");
        assertFails(() -> resource.create(newUser("TAKEN@example.com"), root), 409, "A user with this email already exists in the account");

        Map<String, Object> shortAccount = newUser("a@example.com");
        shortAccount.put("account_id", "acme");
        assertFails(() -> resource.create(shortAccount, root), 422, "String should have at least 36 characters");
        Map<String, Object> badRole = newUser("a@example.com");
        badRole.put("role_id", 0);
        assertFails(() -> resource.create(badRole, root), 422, "Input should be greater than or equal to 1");
        Map<String, Object> badProvider = newUser("a@example.com");
        badProvider.put("auth_provider", "ldap");
        assertFails(() -> resource.create(badProvider, root), 422, "Input should be 'password', 'oauth' or 'saml'");
        Map<String, Object> badProfile = newUser("a@example.com");
        badProfile.put("profile_data", List.of(1));
        assertFails(() -> resource.create(badProfile, root), 422, "Input should be a valid dictionary");
        Map<String, Object> badEmail = newUser("not-an-email");
        assertFails(() -> resource.create(badEmail, root), 422, "value is not a valid email address");
        Map<String, Object> longName = newUser("a@example.com");
        longName.put("auth_provider_name", "p".repeat(101));
        assertFails(() -> resource.create(longName, root), 422, "String should have at most 100 characters");
        assertFails(() -> resource.create(Map.of("email", "a@example.com"), root), 422, "Field required");
        assertThat(f.store.users.count(acme.id, null, null, null)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void listsWithFiltersSortAndBothPagingStyles(DatabaseKind kind) throws Exception {
        setUp(kind);
        AccountRow beta = f.account("Beta", "beta");
        UserRow carol = f.user(acme.id, "carol@example.com", Users.ADMIN_ROLE);
        f.user(acme.id, "alice@example.com", Users.USER_ROLE);
        f.user(beta.id, "bob@example.com", Users.USER_ROLE);
        f.store.users.deactivate(carol.id, f.store.now());

        Map<String, Object> all = list(Map.of("sort", "+email"));
        assertThat(all).containsOnlyKeys("total", "items").containsEntry("total", 4L);
        assertThat(items(all)).extracting(m -> m.get("email"))
                .containsExactly("alice@example.com", "bob@example.com", "carol@example.com", "root@example.com");
        assertThat(items(list(Map.of("sort", " email", "skip", "1", "limit", "2")))).extracting(m -> m.get("email"))
                .containsExactly("bob@example.com", "carol@example.com");
        assertThat(items(list(Map.of("sort", "-email", "limit", "1")))).extracting(m -> m.get("email")).containsExactly("root@example.com");
        assertThat(items(list(Map.of("sort_by", "email", "sort_order", "asc", "page", "2", "page_size", "3"))))
                .extracting(m -> m.get("email")).containsExactly("root@example.com");
        assertThat(items(list(Map.of("sort_by", "email", "page", "1", "page_size", "1")))).extracting(m -> m.get("email"))
                .containsExactly("root@example.com");
        // skip and sort win over page and sort_by
        assertThat(items(list(Map.of("sort", "email", "sort_by", "created_at", "skip", "0", "page", "3", "page_size", "1"))))
                .extracting(m -> m.get("email")).containsExactly("alice@example.com");

        assertThat(list(Map.of("account_id", acme.id))).containsEntry("total", 2L);
        assertThat(list(Map.of("role_id", "1"))).containsEntry("total", 2L);
        assertThat(list(Map.of("is_active", "false"))).containsEntry("total", 1L);
        assertThat(list(Map.of("is_active", "1", "account_id", acme.id))).containsEntry("total", 1L);
        assertThat(items(list(Map.of("search", "ALI")))).extracting(m -> m.get("email")).containsExactly("alice@example.com");
        assertThat(list(Map.of("search", "_"))).containsEntry("total", 0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refusesBadListParametersWith422(DatabaseKind kind) throws Exception {
        setUp(kind);
        assertFails(() -> list(Map.of("sort", "password_hash")), 422,
                "Invalid sort field 'password_hash'. Must be one of: " + String.join(", ", UserAdmin.SORT_FIELDS));
        assertFails(() -> list(Map.of("sort_by", "email; --")), 422,
                "Invalid sort field 'email; --'. Must be one of: " + String.join(", ", UserAdmin.SORT_FIELDS));
        assertFails(() -> list(Map.of("sort_by", "email", "sort_order", "up")), 422, "String should match pattern '^(asc|desc)$'");
        assertFails(() -> list(Map.of("limit", "0")), 422, "Input should be greater than or equal to 1");
        assertFails(() -> list(Map.of("limit", "101")), 422, "Input should be less than or equal to 100");
        assertFails(() -> list(Map.of("skip", "-1")), 422, "Input should be greater than or equal to 0");
        assertFails(() -> list(Map.of("page", "0")), 422, "Input should be greater than or equal to 1");
        assertFails(() -> list(Map.of("role_id", "admin")), 422, "Input should be a valid integer, unable to parse string as an integer");
        assertFails(() -> list(Map.of("is_active", "maybe")), 422, "Input should be a valid boolean, unable to interpret input");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void updatesOtherUsersOnly(DatabaseKind kind) throws Exception {
        setUp(kind);
        UserRow u = f.user(acme.id, "u@example.com", Users.USER_ROLE);
        f.user(acme.id, "taken@example.com", Users.USER_ROLE);
        f.store.roles.insert(role("editor"));
        Map<String, Object> changes = new HashMap<>();
        changes.put("email", "Renamed@Example.com");
        changes.put("role", "editor");
        changes.put("external_id", "ext-1");
        changes.put("profile_data", Map.of("a", 1));
        Map<String, Object> updated = resource.update(u.id, changes, root);
        assertThat(updated).containsEntry("email", "renamed@example.com").containsEntry("role", "editor").containsEntry("external_id", "ext-1")
                .containsEntry("profile_data", Map.of("a", 1)).containsEntry("account_id", acme.id);

        Map<String, Object> clearing = new HashMap<>();
        clearing.put("external_id", null);
        clearing.put("profile_data", null);
        clearing.put("role_id", Users.ADMIN_ROLE);
        clearing.put("role", "editor");
        assertThat(resource.update(u.id, clearing, root)).containsEntry("external_id", null).containsEntry("profile_data", null)
                .containsEntry("role", "admin").containsEntry("email", "renamed@example.com");
        assertThat(resource.update(u.id, Map.of(), root)).containsEntry("role", "admin");

        assertFails(() -> resource.update(rootUser.id, Map.of("is_active", false), root), 403,
                "Cannot modify your own account through this endpoint");
        assertFails(() -> resource.update(u.id, Map.of("email", "TAKEN@example.com"), root), 409,
                "A user with this email already exists in the account");
        assertFails(() -> resource.update(u.id, Map.of("role_id", 999), root), 404, "Role not found");
        assertFails(() -> resource.update(u.id, Map.of("role", "nope"), root), 404, "Role not found");
        assertFails(() -> resource.update("missing", Map.of("is_active", true), root), 404, "User not found");
        assertFails(() -> resource.update(u.id, Map.of("is_active", "yes"), root), 422, "value must be a boolean");
        assertFails(() -> resource.update(u.id, Map.of("auth_provider", "kerberos"), root), 422, "Input should be 'password', 'oauth' or 'saml'");
        assertThat(f.store.users.findById(u.id).email).isEqualTo("renamed@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deactivatingThroughPatchEndsTheSessions(DatabaseKind kind) throws Exception {
        setUp(kind);
        UserRow u = f.user(acme.id, "u@example.com", Users.USER_ROLE);
        String refresh = (String) f.w.sessions.start(u).get("refresh_token");
        assertThat(resource.update(u.id, Map.of("is_active", false), root)).containsEntry("is_active", false);
        assertThat(liveRefreshToken(refresh)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void setsPasswordsAndEndsTheSessions(DatabaseKind kind) throws Exception {
        setUp(kind);
        UserRow u = f.user(acme.id, "u@example.com", Users.USER_ROLE);
        String refresh = (String) f.w.sessions.start(u).get("refresh_token");

        assertThat(resource.password(u.id, Map.of("new_password", NEW_PASSWORD), root)).containsEntry("message", "Password updated successfully");
        assertThat(f.w.hasher.verify(NEW_PASSWORD, f.store.users.findById(u.id).passwordHash)).isTrue();
        assertThat(liveRefreshToken(refresh)).isFalse();

        ApiException weak = AdminFixture.failure(() -> resource.password(u.id, Map.of("new_password", "weak"), root));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.extras()).containsEntry("field", "new_password");
        assertFails(() -> resource.password(u.id, Map.of(), root), 422, "Either new_password or send_reset_link must be provided");
        assertFails(() -> resource.password(u.id, Map.of("send_reset_link", false), root), 422,
                "Either new_password or send_reset_link must be provided");
        assertFails(() -> resource.password("missing", Map.of("new_password", NEW_PASSWORD), root), 404, "User not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void mailsResetLinksOnRequest(DatabaseKind kind) throws Exception {
        setUp(kind);
        UserRow u = f.user(acme.id, "u@example.com", Users.USER_ROLE);
        assertThat(resource.password(u.id, Map.of("send_reset_link", true, "new_password", NEW_PASSWORD), root))
                .containsEntry("message", "Password reset link sent to u@example.com");
        assertThat(f.mail.sent).singleElement().satisfies(sent -> {
            assertThat(sent.template()).isEqualTo(MailTemplates.PASSWORD_RESET);
            assertThat(sent.to()).isEqualTo("u@example.com");
            assertThat(f.w.email.checkResetToken(sent.variables().get("token"))).containsEntry("valid", true);
        });
        // the link was sent instead of setting the password
        assertThat(f.w.hasher.verify(AdminFixture.PASSWORD, f.store.users.findById(u.id).passwordHash)).isTrue();

        f.mail.working = false;
        assertFails(() -> resource.password(u.id, Map.of("send_reset_link", true), root), 500, "Failed to send password reset email");
        assertFails(() -> resource.password("missing", Map.of("send_reset_link", true), root), 404, "User not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void verifiesAndResendsVerification(DatabaseKind kind) throws Exception {
        setUp(kind);
        UserRow u = f.w.users.insert(acme.id, "new@example.com", AdminFixture.PASSWORD, Users.USER_ROLE, false, "password");

        assertThat(resource.resendVerification(u.id, root)).containsEntry("message", "Verification email sent to new@example.com");
        assertThat(f.mail.sent).singleElement().extracting(AdminFixture.FakeMail.Sent::template).isEqualTo(MailTemplates.EMAIL_VERIFICATION);
        f.mail.available = false;
        assertFails(() -> resource.resendVerification(u.id, root), 500, "Failed to send verification email");

        assertThat(resource.verify(u.id, root)).containsEntry("message", "User email verified successfully");
        assertThat(resource.get(u.id, root)).containsEntry("email_verified", true).extracting(m -> m.get("email_verified_at")).isNotNull();
        assertThat(resource.verify(u.id, root)).containsEntry("message", "User email is already verified");
        assertFails(() -> resource.resendVerification(u.id, root), 400, "User email is already verified");
        assertFails(() -> resource.verify("missing", root), 404, "User not found");
        assertFails(() -> resource.resendVerification("missing", root), 404, "User not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void deletesSoftlyAndEndsTheSessions(DatabaseKind kind) throws Exception {
        setUp(kind);
        UserRow u = f.user(acme.id, "u@example.com", Users.USER_ROLE);
        String refresh = (String) f.w.sessions.start(u).get("refresh_token");

        assertThat(resource.delete(u.id, root).getStatus()).isEqualTo(204);
        assertThat(f.store.users.findById(u.id).isActive).isFalse();
        assertThat(liveRefreshToken(refresh)).isFalse();
        assertFails(() -> f.w.sessions.refresh(refresh), 401, "Invalid or expired refresh token");
        assertThat(resource.delete(u.id, root).getStatus()).isEqualTo(204);

        assertFails(() -> resource.delete(rootUser.id, root), 403, "Cannot deactivate your own account");
        assertThat(f.store.users.findById(rootUser.id).isActive).isTrue();
        assertFails(() -> resource.delete("missing", root), 404, "User not found");
        assertFails(() -> resource.get("missing", root), 404, "User not found");
    }

    private RoleRow role(String name) {
        RoleRow r = new RoleRow();
        r.name = name;
        r.createdAt = f.store.now();
        r.updatedAt = r.createdAt;
        return r;
    }
}
