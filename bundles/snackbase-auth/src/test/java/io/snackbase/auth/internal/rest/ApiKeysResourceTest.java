package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.GroupsFixture.as;
import static io.snackbase.auth.internal.GroupsFixture.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.ApiKeyScopes;
import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.GroupsFixture;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.Times;
import io.snackbase.auth.internal.service.ApiKeys;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.ApiKeyRow;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeysResourceTest {

    static List<DatabaseKind> kinds() {
        return GroupsFixture.kinds();
    }

    private GroupsFixture f;
    private ApiKeysResource keys;

    private void open(DatabaseKind kind) throws Exception {
        f = GroupsFixture.on(kind);
        keys = new ApiKeysResource(new ApiKeys(f.auth.store, f.auth.snackbaseTokens, f.auth.settings.apiKeysPerUser()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(ContainerRequestContext request, Object... kv) {
        Response r = keys.create(body(kv), request);
        assertThat(r.getStatus()).isEqualTo(201);
        return (Map<String, Object>) r.getEntity();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(ContainerRequestContext request) {
        return (List<Map<String, Object>>) keys.list(request).get("items");
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
    void issuesAKeyThatAuthenticatesItsOwner(DatabaseKind kind) throws Exception {
        open(kind);
        UserRow sa = f.superadmin();
        Map<String, Object> created = create(as(sa), "name", " CI deploy ");
        assertThat(created).containsOnlyKeys("id", "name", "key", "expires_at", "created_at", "scopes", "account_id")
                .containsEntry("name", "CI deploy").containsEntry("expires_at", null)
                .containsEntry("scopes", List.of()).containsEntry("account_id", null);
        String key = (String) created.get("key");
        assertThat(key).startsWith("sb_ak.");

        ApiKeyRow row = f.auth.store.apiKeys.findById((String) created.get("id"));
        assertThat(row.keyHash).isEqualTo(Secrets.sha256(key)).doesNotContain(key);
        assertThat(row.lastUsedAt).isNull();

        Principal byHeader = f.auth.authenticator.headerKey(key);
        assertThat(byHeader.userId()).isEqualTo(sa.id);
        assertThat(byHeader.authMethod()).isEqualTo("api_key");
        assertThat(byHeader.isSuperadmin()).isTrue();
        assertThat(byHeader.isServiceKey()).isFalse();
        assertThat(byHeader.scopes()).isEmpty();
        assertThat(f.auth.authenticator.bearer(key).userId()).isEqualTo(sa.id);
        assertThat(f.auth.store.apiKeys.findById(row.id).lastUsedAt).isNotNull();

        String future = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();
        Map<String, Object> expiring = create(as(sa), "name", "Nightly", "expires_at", future);
        assertThat(Times.parse((String) expiring.get("expires_at"))).isEqualTo(Instant.parse(future).toEpochMilli());
        assertThat(f.auth.authenticator.headerKey((String) expiring.get("key")).userId()).isEqualTo(sa.id);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesBadNamesAndExpiries(DatabaseKind kind) throws Exception {
        open(kind);
        ContainerRequestContext req = as(f.superadmin());
        assertThat(fails(422, "Field required", () -> keys.create(body(), req)).extras()).containsEntry("field", "name");
        fails(422, null, () -> keys.create(body("name", "ab"), req));
        fails(422, null, () -> keys.create(body("name", "  ab  "), req));
        fails(422, null, () -> keys.create(body("name", "k".repeat(101)), req));
        fails(422, null, () -> keys.create(body("name", 123), req));
        create(req, "name", "k".repeat(100));
        assertThat(fails(422, null, () -> keys.create(body("name", "Later", "expires_at", "tomorrow"), req)).extras())
                .containsEntry("field", "expires_at");
        fails(422, null, () -> keys.create(body("name", "Later", "expires_at", "2020-01-01T00:00:00Z"), req));
        fails(422, null, () -> keys.create(body("name", "Later", "expires_at", 1893456000), req));
        create(req, "name", "Offset", "expires_at", "2999-01-01T00:00:00+02:00");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void isForSuperadminsOnly(DatabaseKind kind) throws Exception {
        open(kind);
        UserRow admin = f.user(f.account(), Users.ADMIN_ROLE);
        fails(403, "Superadmin access required", () -> keys.create(body("name", "Mine"), as(admin)));
        fails(403, "Superadmin access required", () -> keys.list(as(admin)));
        fails(403, "Superadmin access required", () -> keys.get("any", as(admin)));
        fails(403, "Superadmin access required", () -> keys.revoke("any", as(admin)));
        fails(401, null, () -> keys.list(GroupsFixture.anonymous()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listsMaskedKeysAndShowsOneWithUpdatedAt(DatabaseKind kind) throws Exception {
        open(kind);
        ContainerRequestContext req = as(f.superadmin());
        Map<String, Object> first = create(req, "name", "First");
        Map<String, Object> second = create(req, "name", "Second");
        keys.revoke((String) first.get("id"), req);

        Map<String, Object> listed = keys.list(req);
        assertThat(listed).containsEntry("total", 2);
        List<Map<String, Object>> items = items(req);
        assertThat(items).extracting(k -> k.get("id")).containsExactlyInAnyOrder(first.get("id"), second.get("id"));
        for (Map<String, Object> item : items) {
            assertThat(item).containsOnlyKeys("id", "name", "key", "last_used_at", "expires_at", "is_active", "created_at", "scopes",
                    "account_id");
            String hash = Secrets.sha256((String) (item.get("id").equals(first.get("id")) ? first : second).get("key"));
            assertThat(item.get("key")).isEqualTo(hash.substring(0, 6) + "..." + hash.substring(60));
            assertThat(item.get("is_active")).isEqualTo(!item.get("id").equals(first.get("id")));
        }

        Map<String, Object> one = keys.get((String) second.get("id"), req);
        assertThat(one).containsKeys("updated_at", "last_used_at").containsEntry("name", "Second").containsEntry("is_active", true);
        fails(404, "API key not found", () -> keys.get("no-such-key", req));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void keepsEachSuperadminsKeysToThemselves(DatabaseKind kind) throws Exception {
        open(kind);
        UserRow owner = f.superadmin();
        UserRow other = f.superadmin();
        Map<String, Object> created = create(as(owner), "name", "Private");
        String id = (String) created.get("id");

        assertThat(items(as(other))).isEmpty();
        assertThat(keys.list(as(other))).containsEntry("total", 0);
        fails(404, "API key not found", () -> keys.get(id, as(other)));
        fails(404, "API key not found", () -> keys.revoke(id, as(other)));
        // the failed revocation changed nothing
        assertThat(f.auth.authenticator.headerKey((String) created.get("key")).userId()).isEqualTo(owner.id);
        assertThat(keys.get(id, as(owner))).containsEntry("is_active", true);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void revokedKeysNoLongerAuthenticate(DatabaseKind kind) throws Exception {
        open(kind);
        ContainerRequestContext req = as(f.superadmin());
        Map<String, Object> created = create(req, "name", "Leaked");
        String id = (String) created.get("id");
        String key = (String) created.get("key");

        assertThat(keys.revoke(id, req).getStatus()).isEqualTo(204);
        assertThat(f.auth.store.tokens.isRevoked(id)).isEqualTo(1);
        fails(401, "Token has been revoked", () -> f.auth.authenticator.headerKey(key));
        fails(401, "Token has been revoked", () -> f.auth.authenticator.bearer(key));
        assertThat(keys.revoke(id, req).getStatus()).isEqualTo(204);
        assertThat(keys.get(id, req)).containsEntry("is_active", false);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void limitsActiveKeysPerUser(DatabaseKind kind) throws Exception {
        open(kind);
        ContainerRequestContext req = as(f.superadmin());
        String firstId = null;
        for (int i = 0; i < 10; i++) {
            String id = (String) create(req, "name", "Key " + i).get("id");
            firstId = firstId == null ? id : firstId;
        }
        fails(400, "Maximum number of API keys reached (10)", () -> keys.create(body("name", "Eleventh"), req));
        keys.revoke(firstId, req);
        create(req, "name", "Replacement");
        assertThat(keys.list(req)).containsEntry("total", 11);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aKeyBoundToAnAccountActsThereOnlyWithItsScopes(DatabaseKind kind) throws Exception {
        open(kind);
        UserRow sa = f.superadmin();
        AccountRow acme = f.account();
        Map<String, Object> created = create(as(sa), "name", "Vault reader", "account_id", acme.id,
                "scopes", List.of(ApiKeyScopes.RECORDS_SECRETS_READ, ApiKeyScopes.RECORDS_SECRETS_READ));
        assertThat(created).containsEntry("account_id", acme.id).containsEntry("scopes", List.of(ApiKeyScopes.RECORDS_SECRETS_READ));
        String key = (String) created.get("key");

        for (Principal p : List.of(f.auth.authenticator.headerKey(key), f.auth.authenticator.bearer(key))) {
            assertThat(p.accountId()).isEqualTo(acme.id);
            assertThat(p.userId()).isEqualTo(sa.id);
            assertThat(p.email()).isEqualTo(sa.email);
            assertThat(p.role()).isNull();
            assertThat(p.groups()).isEmpty();
            assertThat(p.authMethod()).isEqualTo("api_key");
            assertThat(p.isSuperadmin()).isFalse();
            assertThat(p.isServiceKey()).isTrue();
            assertThat(p.hasScope(ApiKeyScopes.RECORDS_SECRETS_READ)).isTrue();
        }
        // the account may also be named by code or slug; the body shows its id
        assertThat(create(as(sa), "name", "By code", "account_id", acme.accountCode.toLowerCase())).containsEntry("account_id", acme.id);
        assertThat(create(as(sa), "name", "By slug", "account_id", acme.slug)).containsEntry("account_id", acme.id);

        Map<String, Object> listed = items(as(sa)).stream().filter(k -> k.get("id").equals(created.get("id"))).findFirst().orElseThrow();
        assertThat(listed).containsEntry("account_id", acme.id).containsEntry("scopes", List.of(ApiKeyScopes.RECORDS_SECRETS_READ));
        assertThat(keys.get((String) created.get("id"), as(sa))).containsEntry("account_id", acme.id)
                .containsEntry("scopes", List.of(ApiKeyScopes.RECORDS_SECRETS_READ));
        // a bound key cannot manage keys: it is not a superadmin
        fails(403, "Superadmin access required", () -> keys.list(GroupsFixture.request(
                io.snackbase.api.auth.RequestAuthentication.authenticated(f.auth.authenticator.headerKey(key), "t", null, null))));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesUnknownScopesAndBadAccounts(DatabaseKind kind) throws Exception {
        open(kind);
        UserRow sa = f.superadmin();
        ContainerRequestContext req = as(sa);
        AccountRow acme = f.account();
        assertThat(fails(422, null, () -> keys.create(body("name", "Bad", "account_id", acme.id, "scopes", List.of("records:everything")),
                req)).extras()).containsEntry("field", "scopes");
        fails(422, null, () -> keys.create(body("name", "Bad", "account_id", acme.id, "scopes", "records:secrets:read"), req));
        fails(422, null, () -> keys.create(body("name", "Bad", "account_id", acme.id, "scopes", List.of(7)), req));
        // the secrets scope means nothing on a key acting as a superadmin
        assertThat(fails(422, null, () -> keys.create(body("name", "Bad", "scopes", List.of(ApiKeyScopes.RECORDS_SECRETS_READ)), req))
                .getMessage()).contains("account_id");
        assertThat(fails(422, null, () -> keys.create(body("name", "Bad", "account_id", "no-such-account"), req)).extras())
                .containsEntry("field", "account_id");
        fails(422, null, () -> keys.create(body("name", "Bad", "account_id", java.util.UUID.randomUUID().toString()), req));
        fails(422, null, () -> keys.create(body("name", "Bad", "account_id", Principal.SYSTEM_ACCOUNT_ID), req));
        fails(422, null, () -> keys.create(body("name", "Bad", "account_id", 42), req));
        // nothing was stored by the refusals; an empty list is no scopes
        assertThat(items(req)).isEmpty();
        assertThat(create(req, "name", "Plain", "scopes", List.of())).containsEntry("scopes", List.of());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBoundKeyGoesWithItsAccountAndStopsWithItsOwner(DatabaseKind kind) throws Exception {
        open(kind);
        UserRow sa = f.superadmin();
        AccountRow acme = f.account();
        Map<String, Object> created = create(as(sa), "name", "Goes away", "account_id", acme.id);
        String key = (String) created.get("key");
        assertThat(f.auth.authenticator.headerKey(key).accountId()).isEqualTo(acme.id);
        f.auth.store.accounts.delete(acme.id);
        // the row went with the account: the key never falls back to acting as its superadmin owner
        assertThat(f.auth.store.apiKeys.findById((String) created.get("id"))).isNull();
        fails(401, "Invalid API key", () -> f.auth.authenticator.headerKey(key));

        AccountRow other = f.account();
        String second = (String) create(as(sa), "name", "Owner leaves", "account_id", other.id).get("key");
        f.auth.store.users.deactivate(sa.id, f.auth.store.now());
        fails(401, "User account is disabled", () -> f.auth.authenticator.headerKey(second));
    }
}
