package io.snackbase.auth.internal.service;

import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.auth.internal.core.PasswordPolicy;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.Times;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.GroupRow;
import io.snackbase.auth.internal.store.InvitationRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invitations into an account: creation (with the mail), listing, resending and cancelling by the
 * account's users, and the public lookup and acceptance by token. Cancelling is soft (it sets
 * {@code cancelled_at}), so cancelled invitations stay listable; an invitation of another tenant
 * answers 404 as a missing one does.
 */
public final class Invitations {

    public static final List<String> STATUSES = List.of("pending", "accepted", "expired", "cancelled");
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-fA-F]{64}$");

    private final AuthStore store;
    private final Users users;
    private final Sessions sessions;
    private final AuthMail mail;

    public Invitations(AuthStore store, Users users, Sessions sessions, AuthMail mail) {
        this.store = store;
        this.users = users;
        this.sessions = sessions;
        this.mail = mail;
    }

    /** @return true when the path segment has the shape of an invitation token (64 hex) rather than an id */
    public static boolean isToken(String segment) {
        return segment != null && TOKEN.matcher(segment).matches();
    }

    /**
     * @param roleId the role the invited user gets, or null for {@code user}
     * @param groupIds groups of the target account the user joins on acceptance, or null
     * @param accountId the target account (superadmins only), or null for the caller's own
     * @return the 201 Invitation
     */
    public Map<String, Object> create(RequestContext context, String email, Integer roleId, List<String> groupIds, String accountId) {
        Principal caller = context.principal();
        Inputs.requireEmail("email", email);
        String address = Users.normalize(email);
        AccountRow account = targetAccount(caller, accountId);
        if (roleId != null) {
            if (store.roles.findById(roleId) == null) {
                throw ApiException.notFound("Role not found");
            }
            // a user of an account must not mint a more powerful colleague (or a second identity) by invitation
            if (roleId != Users.USER_ROLE && !caller.isSuperadmin() && !"admin".equals(caller.role())) {
                throw ApiException.forbidden("Only admins can invite users with another role");
            }
        }
        List<String> groups = groupIds == null ? List.of() : List.copyOf(groupIds);
        for (String groupId : groups) {
            GroupRow g = store.groups.findById(groupId);
            if (g == null || !g.accountId.equals(account.id)) {
                throw ApiException.notFound("Group not found");
            }
        }
        if (store.users.findByEmail(account.id, address) != null) {
            throw new ApiException(400, "Validation error", "User with this email already exists in this account", Map.of("field", "email"));
        }
        InvitationRow row = new InvitationRow();
        row.id = UUID.randomUUID().toString();
        row.accountId = account.id;
        row.email = address;
        row.token = Secrets.hexToken();
        row.invitedBy = caller.userId();
        row.roleId = roleId;
        row.groupIds = groups.isEmpty() ? null : Views.profileText(groups);
        row.createdAt = store.now();
        row.updatedAt = row.createdAt;
        row.expiresAt = row.createdAt + AuthSettings.INVITATION_SECONDS * 1000;
        row.emailSent = false;
        store.inTransaction(() -> {
            // the race of two identical invitations is harmless: either one can be accepted, the other then fails
            if (store.invitations.countPending(account.id, address, store.now()) > 0) {
                throw ApiException.conflict("A pending invitation already exists for this email", "email");
            }
            return store.invitations.insert(row);
        });
        send(row, account.name, caller.email(), context);
        return view(store.invitations.findById(row.id), store.now());
    }

    /**
     * @param accountId a superadmin's account filter, or null for all; ignored for other callers
     * @param status one of {@link #STATUSES}, or null
     * @param limit null for all
     * @return {@code {invitations, total}}
     */
    public Map<String, Object> list(Principal caller, String accountId, String status, Integer limit, Integer offset) {
        String scope = caller.isSuperadmin() ? blankToNull(accountId) : caller.accountId();
        long now = store.now();
        List<Map<String, Object>> items = new ArrayList<>();
        for (InvitationRow row : store.invitations.filtered(scope, status, now, limit, offset)) {
            items.add(view(row, now));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("invitations", items);
        out.put("total", store.invitations.countFiltered(scope, status, now));
        return out;
    }

    /** Mails a pending invitation again with the same token and expiry; @return {@code {message, token}} */
    public Map<String, Object> resend(RequestContext context, String id) {
        InvitationRow row = visible(context.principal(), id);
        String status = status(row, store.now());
        if (!"pending".equals(status)) {
            throw ApiException.badRequest("Cannot resend invitation with status: " + status);
        }
        if (!send(row, row.accountName, row.invitedByEmail, context)) {
            throw new ApiException(500, "Internal server error", "Failed to send invitation email");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "Invitation email resent successfully");
        out.put("token", row.token);
        return out;
    }

    /** Cancels a pending or expired invitation; cancelling a cancelled one again changes nothing. */
    public void cancel(Principal caller, String id) {
        InvitationRow row = visible(caller, id);
        if (row.acceptedAt == null && row.cancelledAt == null && store.invitations.cancel(row.id, store.now()) == 1) {
            return;
        }
        InvitationRow now = store.invitations.findById(row.id);
        if (now != null && now.acceptedAt != null) {
            throw ApiException.badRequest("Cannot cancel invitation with status: accepted");
        }
    }

    /** The public lookup; @return {@code {email, account_name, invited_by_name, expires_at, is_valid}} */
    public Map<String, Object> lookup(String token) {
        InvitationRow row = byToken(token);
        if (row == null || row.cancelledAt != null) {
            throw ApiException.notFound("Invalid invitation token");
        }
        if (row.acceptedAt != null) {
            throw new ApiException(400, "Already accepted", "Invitation has already been accepted");
        }
        if (row.expiresAt <= store.now()) {
            throw new ApiException(400, "Expired", "Invitation has expired");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", row.email);
        out.put("account_name", row.accountName);
        out.put("invited_by_name", row.invitedByEmail);
        out.put("expires_at", Times.iso(row.expiresAt));
        out.put("is_valid", true);
        return out;
    }

    /**
     * Creates the invited user (verified, with the invitation's role or {@code user}, in its groups),
     * marks the invitation accepted and logs the user in.
     *
     * @return the body of a login: token, refresh_token, expires_in, account, user
     */
    public Map<String, Object> accept(String token, String password) {
        Inputs.requireText("password", password);
        InvitationRow row = byToken(token);
        if (row == null || !"pending".equals(status(row, store.now()))) {
            throw invalid();
        }
        List<FieldError> problems = PasswordPolicy.check(password, "password");
        if (!problems.isEmpty()) {
            throw Problems.domain(problems);
        }
        Object[] result;
        try {
            result = store.inTransaction(() -> {
                long now = store.now();
                // the first to mark it wins; a concurrent acceptance sees 0 and creates nobody
                if (store.invitations.accept(row.id, now) == 0) {
                    throw invalid();
                }
                if (store.users.findByEmail(row.accountId, row.email) != null) {
                    throw exists();
                }
                int role = row.roleId != null && store.roles.findById(row.roleId) != null ? row.roleId : Users.USER_ROLE;
                UserRow user = users.insert(row.accountId, row.email, password, role, true, "password");
                for (String groupId : groupIds(row)) {
                    GroupRow g = store.groups.findById(groupId);
                    if (g != null && g.accountId.equals(row.accountId) && store.groups.isMember(g.id, user.id) == 0) {
                        store.groups.addMember(g.id, user.id, now);
                    }
                }
                store.users.touchLogin(user.id, now);
                return new Object[] {user.id, sessions.start(user)};
            });
        } catch (RuntimeException e) {
            throw Problems.isConstraintViolation(e) ? exists() : e;
        }
        String userId = (String) result[0];
        @SuppressWarnings("unchecked")
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) result[1]);
        UserRow user = store.users.findById(userId);
        out.put("account", Views.authAccount(store.accounts.findById(row.accountId)));
        out.put("user", Views.authUser(user, store.users.groupNames(userId)));
        return out;
    }

    /** @return the computed status: accepted, cancelled, expired or pending, in that precedence */
    static String status(InvitationRow row, long now) {
        if (row.acceptedAt != null) {
            return "accepted";
        }
        if (row.cancelledAt != null) {
            return "cancelled";
        }
        return row.expiresAt <= now ? "expired" : "pending";
    }

    /** The Invitation object: the contract's fields, plus role_id, updated_at, groups and cancelled_at. */
    static Map<String, Object> view(InvitationRow row, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        m.put("account_id", row.accountId);
        m.put("account_code", row.accountCode);
        m.put("email", row.email);
        m.put("invited_by", row.invitedBy);
        m.put("role_id", row.roleId);
        m.put("groups", groupIds(row));
        m.put("expires_at", Times.iso(row.expiresAt));
        m.put("accepted_at", Times.iso(row.acceptedAt));
        m.put("cancelled_at", Times.iso(row.cancelledAt));
        m.put("created_at", Times.iso(row.createdAt));
        m.put("updated_at", Times.iso(row.updatedAt));
        m.put("email_sent", Boolean.TRUE.equals(row.emailSent));
        m.put("email_sent_at", Times.iso(row.emailSentAt));
        m.put("status", status(row, now));
        m.put("token", row.token);
        return m;
    }

    private boolean send(InvitationRow row, String accountName, String invitedBy, RequestContext context) {
        boolean sent = mail.invitation(row.email, row.token, accountName, invitedBy, row.expiresAt, context);
        if (sent) {
            long now = store.now();
            store.invitations.markSent(row.id, true, now, now);
        }
        return sent;
    }

    private AccountRow targetAccount(Principal caller, String accountId) {
        String wanted = blankToNull(accountId);
        if (wanted != null && !wanted.equals(caller.accountId()) && !caller.isSuperadmin()) {
            throw ApiException.forbidden("Only superadmins can invite users to other accounts");
        }
        AccountRow account = store.accounts.findById(wanted == null ? caller.accountId() : wanted);
        if (account == null) {
            throw ApiException.notFound("Account not found");
        }
        return account;
    }

    private InvitationRow visible(Principal caller, String id) {
        InvitationRow row = id == null ? null : store.invitations.findById(id);
        if (row == null || !(caller.isSuperadmin() || row.accountId.equals(caller.accountId()))) {
            throw ApiException.notFound("Invitation not found");
        }
        return row;
    }

    private InvitationRow byToken(String token) {
        return isToken(token) ? store.invitations.findByToken(token.toLowerCase(Locale.ROOT)) : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> groupIds(InvitationRow row) {
        Object parsed = Views.profile(row.groupIds);
        return parsed instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ApiException invalid() {
        return ApiException.notFound("Invalid or expired invitation token");
    }

    private static ApiException exists() {
        return ApiException.conflict("User with this email already exists in this account", "email");
    }
}
