package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.GroupsFixture.as;
import static io.snackbase.auth.internal.GroupsFixture.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.mail.MailTemplates;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.GroupsFixture;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.Times;
import io.snackbase.auth.internal.service.AuthSettings;
import io.snackbase.auth.internal.service.Groups;
import io.snackbase.auth.internal.service.Invitations;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.InvitationRow;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InvitationsResourceTest {

    static List<DatabaseKind> kinds() {
        return GroupsFixture.kinds();
    }

    private static final String STRONG = "Welcome-Aboard-2024!";

    private GroupsFixture f;
    private InvitationsResource invitations;
    private GroupsResource groups;

    private void open(DatabaseKind kind) throws Exception {
        f = GroupsFixture.on(kind);
        invitations = new InvitationsResource(new Invitations(f.auth.store, f.auth.users, f.auth.sessions, f.auth.mail));
        groups = new GroupsResource(new Groups(f.auth.store));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invite(ContainerRequestContext request, Object... kv) {
        Response r = invitations.create(body(kv), request);
        assertThat(r.getStatus()).isEqualTo(201);
        return (Map<String, Object>) r.getEntity();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(ContainerRequestContext request, String status, String accountId) {
        return (List<Map<String, Object>>) invitations.list(status, accountId, null, null, request).get("invitations");
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String email() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @SuppressWarnings("unchecked")
    private String group(ContainerRequestContext request, String name) {
        return (String) ((Map<String, Object>) groups.create(body("name", name), request).getEntity()).get("id");
    }

    /** An invitation stored directly, with the given expiry. */
    private String stored(AccountRow account, UserRow inviter, String address, long expiresAt) {
        InvitationRow row = new InvitationRow();
        row.id = UUID.randomUUID().toString();
        row.accountId = account.id;
        row.email = address;
        row.token = Secrets.hexToken();
        row.invitedBy = inviter.id;
        row.expiresAt = expiresAt;
        row.emailSent = false;
        row.createdAt = f.auth.store.now() - 1000;
        row.updatedAt = row.createdAt;
        f.auth.store.invitations.insert(row);
        return row.token;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createsAnInvitationAndMailsIt(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);
        String address = email();

        Map<String, Object> inv = invite(as(admin), "email", "  " + address.toUpperCase() + " ");
        assertThat(inv).containsEntry("account_id", a.id).containsEntry("account_code", a.accountCode)
                .containsEntry("email", address).containsEntry("invited_by", admin.id).containsEntry("role_id", null)
                .containsEntry("accepted_at", null).containsEntry("status", "pending").containsEntry("email_sent", true)
                .containsKeys("id", "created_at", "updated_at", "email_sent_at", "groups");
        assertThat(inv.get("email_sent_at")).isNotNull();
        String token = (String) inv.get("token");
        assertThat(token).matches("[0-9a-f]{64}");
        long created = Times.parse((String) inv.get("created_at"));
        assertThat(Times.parse((String) inv.get("expires_at"))).isEqualTo(created + AuthSettings.INVITATION_SECONDS * 1000);

        GroupsFixture.Sent mail = f.mails.stream().filter(m -> m.to().equals(address)).findFirst().orElseThrow();
        assertThat(mail.template()).isEqualTo(MailTemplates.INVITATION);
        assertThat(mail.variables()).containsEntry("token", token).containsEntry("account_name", a.name)
                .containsEntry("invited_by", admin.email);
        assertThat(mail.variables().get("invitation_url")).isEqualTo("http://localhost:8090/accept-invitation?token=" + token);

        // a failed mail does not fail the invitation; it is recorded as unsent
        Map<String, Object> unsent = invite(as(admin), "email", GroupsFixture.UNDELIVERABLE + "-" + address);
        assertThat(unsent).containsEntry("email_sent", false).containsEntry("email_sent_at", null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesBadInvitations(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        AccountRow b = f.account();
        UserRow admin = f.user(a, Users.ADMIN_ROLE);
        UserRow plain = f.user(a, Users.USER_ROLE);
        ContainerRequestContext req = as(admin);
        String bGroup = group(as(f.user(b, Users.ADMIN_ROLE)), "B only");

        assertThat(fails(422, "Field required", () -> invitations.create(body(), req)).extras()).containsEntry("field", "email");
        fails(422, null, () -> invitations.create(body("email", "not-an-address"), req));
        fails(422, null, () -> invitations.create(body("email", email(), "role_id", "admin"), req));
        fails(404, "Role not found", () -> invitations.create(body("email", email(), "role_id", 999), req));
        fails(422, null, () -> invitations.create(body("email", email(), "groups", "g1"), req));
        fails(404, "Group not found", () -> invitations.create(body("email", email(), "groups", List.of("no-such-group")), req));
        fails(404, "Group not found", () -> invitations.create(body("email", email(), "groups", List.of(bGroup)), req));

        ApiException exists = fails(400, "User with this email already exists in this account",
                () -> invitations.create(body("email", plain.email.toUpperCase()), req));
        assertThat(exists.error()).isEqualTo("Validation error");
        String address = email();
        invite(req, "email", address);
        ApiException pending = fails(409, "A pending invitation already exists for this email",
                () -> invitations.create(body("email", address), req));
        assertThat(pending.error()).isEqualTo("Conflict");

        // a user of role "user" may invite, but not mint an admin
        fails(403, null, () -> invitations.create(body("email", email(), "role_id", Users.ADMIN_ROLE), as(plain)));
        assertThat(invite(as(plain), "email", email(), "role_id", "2")).containsEntry("role_id", Users.USER_ROLE);
        assertThat(invite(req, "email", email(), "role_id", Users.ADMIN_ROLE)).containsEntry("role_id", Users.ADMIN_ROLE);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void onlySuperadminsInviteIntoOtherAccounts(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        AccountRow b = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        UserRow sa = f.superadmin();

        ApiException refused = fails(403, "Only superadmins can invite users to other accounts",
                () -> invitations.create(body("email", email(), "account_id", b.id), as(alice)));
        assertThat(refused.error()).isEqualTo("Forbidden");
        assertThat(invite(as(alice), "email", email(), "account_id", a.id)).containsEntry("account_id", a.id);

        String bGroup = group(as(f.user(b, Users.ADMIN_ROLE)), "Staff");
        Map<String, Object> intoB = invite(as(sa), "email", email(), "account_id", b.id, "groups", List.of(bGroup));
        assertThat(intoB).containsEntry("account_id", b.id).containsEntry("groups", List.of(bGroup))
                .containsEntry("invited_by", sa.id);
        fails(404, "Account not found", () -> invitations.create(body("email", email(), "account_id", "nope"), as(sa)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listsTheCallersAccountByStatus(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        AccountRow b = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        UserRow bob = f.user(b, Users.ADMIN_ROLE);
        ContainerRequestContext req = as(alice);
        String pendingId = (String) invite(req, "email", email()).get("id");
        String cancelledId = (String) invite(req, "email", email()).get("id");
        invitations.cancel(cancelledId, req);
        String acceptedToken = (String) invite(req, "email", email()).get("token");
        invitations.accept(acceptedToken, body("password", STRONG));
        stored(a, alice, email(), f.auth.store.now() - 1);
        String bobsId = (String) invite(as(bob), "email", email()).get("id");

        Map<String, Object> all = invitations.list(null, b.id, null, null, req);
        assertThat(all).containsEntry("total", 4L);
        assertThat(list(req, null, null)).extracting(i -> i.get("account_id")).containsOnly(a.id);
        assertThat(list(req, "pending", null)).extracting(i -> i.get("id")).containsExactly(pendingId);
        assertThat(list(req, "cancelled", null)).extracting(i -> i.get("id")).containsExactly(cancelledId);
        assertThat(list(req, "cancelled", null)).singleElement().satisfies(i -> assertThat(i.get("cancelled_at")).isNotNull());
        assertThat(list(req, "accepted", null)).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("status", "accepted").containsEntry("token", acceptedToken));
        assertThat(list(req, "expired", null)).singleElement().satisfies(i -> assertThat(i).containsEntry("status", "expired"));
        assertThat(invitations.list("expired", null, null, null, req)).containsEntry("total", 1L);
        fails(422, null, () -> invitations.list("open", null, null, null, req));

        assertThat((List<?>) invitations.list(null, null, "1", "2", req).get("invitations")).hasSize(2);
        assertThat((List<?>) invitations.list(null, null, "2", "3", req).get("invitations")).hasSize(1);

        UserRow sa = f.superadmin();
        assertThat(list(as(sa), null, b.id)).extracting(i -> i.get("id")).containsExactly(bobsId);
        assertThat(list(as(sa), "pending", null)).extracting(i -> i.get("id")).contains(pendingId, bobsId);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void resendsOnlyPendingInvitationsOfTheCallersAccount(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        UserRow mallory = f.user(f.account(), Users.ADMIN_ROLE);
        ContainerRequestContext req = as(alice);
        Map<String, Object> inv = invite(req, "email", email());
        String id = (String) inv.get("id");
        int before = f.mails.size();

        assertThat(invitations.resend(id, req)).isEqualTo(Map.of("message", "Invitation email resent successfully",
                "token", inv.get("token")));
        assertThat(f.mails.size()).isEqualTo(before + 1);
        fails(404, "Invitation not found", () -> invitations.resend(id, as(mallory)));
        fails(404, "Invitation not found", () -> invitations.resend("no-such-id", req));

        String undeliverable = (String) invite(req, "email", GroupsFixture.UNDELIVERABLE + "-" + email()).get("id");
        fails(500, null, () -> invitations.resend(undeliverable, req));

        invitations.cancel(id, req);
        fails(400, "Cannot resend invitation with status: cancelled", () -> invitations.resend(id, req));
        Map<String, Object> accepted = invite(req, "email", email());
        invitations.accept((String) accepted.get("token"), body("password", STRONG));
        fails(400, "Cannot resend invitation with status: accepted", () -> invitations.resend((String) accepted.get("id"), req));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void cancelsSoftlyAndOnlyWithinTheAccount(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        UserRow mallory = f.user(f.account(), Users.ADMIN_ROLE);
        ContainerRequestContext req = as(alice);
        Map<String, Object> inv = invite(req, "email", email());
        String id = (String) inv.get("id");
        String token = (String) inv.get("token");

        fails(404, "Invitation not found", () -> invitations.cancel(id, as(mallory)));
        assertThat(list(as(mallory), null, null)).isEmpty();
        assertThat(invitations.cancel(id, req).getStatus()).isEqualTo(204);
        assertThat(invitations.cancel(id, req).getStatus()).isEqualTo(204);
        fails(404, "Invitation not found", () -> invitations.cancel(UUID.randomUUID().toString(), req));

        fails(404, "Invalid invitation token", () -> invitations.lookup(token));
        fails(404, null, () -> invitations.accept(token, body("password", STRONG)));
        // once cancelled, the address may be invited again
        invite(req, "email", inv.get("email"));

        Map<String, Object> accepted = invite(req, "email", email());
        invitations.accept((String) accepted.get("token"), body("password", STRONG));
        fails(400, "Cannot cancel invitation with status: accepted", () -> invitations.cancel((String) accepted.get("id"), req));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void looksUpATokenPublicly(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        Map<String, Object> inv = invite(as(alice), "email", email());
        String token = (String) inv.get("token");

        assertThat(invitations.lookup(token)).containsExactly(Map.entry("email", inv.get("email")),
                Map.entry("account_name", a.name), Map.entry("invited_by_name", alice.email),
                Map.entry("expires_at", inv.get("expires_at")), Map.entry("is_valid", true));
        assertThat(invitations.lookup(token.toUpperCase())).containsEntry("is_valid", true);
        fails(404, "Invalid invitation token", () -> invitations.lookup(Secrets.hexToken()));
        fails(404, "Invalid invitation token", () -> invitations.lookup((String) inv.get("id")));

        String expired = stored(a, alice, email(), f.auth.store.now() - 1);
        assertThat(fails(400, "Invitation has expired", () -> invitations.lookup(expired)).error()).isEqualTo("Expired");
        invitations.accept(token, body("password", STRONG));
        assertThat(fails(400, "Invitation has already been accepted", () -> invitations.lookup(token)).error())
                .isEqualTo("Already accepted");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    @SuppressWarnings("unchecked")
    void acceptingCreatesTheUserAndLogsIn(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        String staff = group(as(alice), "Staff");
        Map<String, Object> inv = invite(as(alice), "email", email(), "role_id", Users.ADMIN_ROLE, "groups", List.of(staff));
        String token = (String) inv.get("token");

        assertThat(fails(422, "Field required", () -> invitations.accept(token, body())).extras()).containsEntry("field", "password");
        assertThat(fails(400, null, () -> invitations.accept(token, body("password", "short"))).error()).isEqualTo("Validation error");
        fails(404, null, () -> invitations.accept(Secrets.hexToken(), body("password", STRONG)));

        Map<String, Object> login = invitations.accept(token, body("password", STRONG));
        assertThat(login).containsKeys("token", "refresh_token", "expires_in", "account", "user");
        assertThat((Map<String, Object>) login.get("account")).containsEntry("id", a.id).containsEntry("slug", a.slug);
        Map<String, Object> user = (Map<String, Object>) login.get("user");
        assertThat(user).containsEntry("email", inv.get("email")).containsEntry("account_id", a.id)
                .containsEntry("role", "admin").containsEntry("email_verified", true).containsEntry("groups", List.of("Staff"));
        assertThat(user.get("last_login")).isNotNull();

        Principal principal = f.auth.authenticator.bearer((String) login.get("token"));
        assertThat(principal.userId()).isEqualTo(user.get("id"));
        assertThat(principal.accountId()).isEqualTo(a.id);
        assertThat(principal.groups()).containsExactly("Staff");
        UserRow stored = f.auth.store.users.findById((String) user.get("id"));
        assertThat(f.auth.hasher.verify(STRONG, stored.passwordHash)).isTrue();
        assertThat(f.auth.sessions.refresh((String) login.get("refresh_token"))).containsKey("token");

        fails(404, null, () -> invitations.accept(token, body("password", STRONG)));
        assertThat(list(as(alice), "accepted", null)).extracting(i -> i.get("id")).containsExactly(inv.get("id"));

        // without a role the invitee is a "user"
        Map<String, Object> plain = invitations.accept((String) invite(as(alice), "email", email()).get("token"), body("password", STRONG));
        assertThat((Map<String, Object>) plain.get("user")).containsEntry("role", "user").containsEntry("groups", List.of());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesExpiredInvitationsAndExistingUsersAtAcceptance(DatabaseKind kind) throws Exception {
        open(kind);
        AccountRow a = f.account();
        UserRow alice = f.user(a, Users.ADMIN_ROLE);
        String expired = stored(a, alice, email(), f.auth.store.now() - 1);
        fails(404, null, () -> invitations.accept(expired, body("password", STRONG)));

        Map<String, Object> inv = invite(as(alice), "email", email());
        f.user(a.id, Users.USER_ROLE, (String) inv.get("email"));
        fails(409, "User with this email already exists in this account",
                () -> invitations.accept((String) inv.get("token"), body("password", STRONG)));
        assertThat(list(as(alice), "pending", null)).extracting(i -> i.get("id")).containsExactly(inv.get("id"));
        fails(401, null, () -> invitations.create(body("email", email()), GroupsFixture.anonymous()));
        fails(401, null, () -> invitations.list(null, null, null, null, GroupsFixture.anonymous()));
    }
}
