package io.snackbase.auth.internal.service;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.GroupRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Groups of one account and their members. A caller who is not a superadmin sees only the groups
 * of their own account: any other group answers 404 exactly as a missing one does, so ids of other
 * tenants reveal nothing. The system group {@code pii_access} keeps its name and cannot be deleted.
 */
public final class Groups {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 500;
    private static final String DUPLICATE = "Group with this name already exists in the account";

    private final AuthStore store;

    public Groups(AuthStore store) {
        this.store = store;
    }

    /**
     * @param accountId the target account from the body, or null for the caller's own
     * @return the created group's detail
     */
    public Map<String, Object> create(Principal caller, String name, String description, String accountId) {
        String target = targetAccount(caller, accountId);
        String cleanName = checkName(name);
        checkDescription(description);
        String id = UUID.randomUUID().toString();
        try {
            store.inTransaction(() -> {
                if (!store.groups.findByNameFolded(target, cleanName).isEmpty()) {
                    throw duplicate();
                }
                GroupRow g = new GroupRow();
                g.id = id;
                g.accountId = target;
                g.name = cleanName;
                g.description = description;
                g.isSystem = false;
                g.createdAt = store.now();
                g.updatedAt = g.createdAt;
                return store.groups.insert(g);
            });
        } catch (RuntimeException e) {
            throw Problems.isConstraintViolation(e) ? duplicate() : e;
        }
        return detail(store.groups.findById(id));
    }

    /**
     * @param accountId a superadmin's account filter, or null for all; ignored for other callers
     * @param pattern a LIKE pattern from {@link Inputs#containsPattern}, or null
     */
    public List<Map<String, Object>> list(Principal caller, String accountId, String pattern, int limit, int offset) {
        String scope = caller.isSuperadmin() ? accountId : caller.accountId();
        List<Map<String, Object>> out = new ArrayList<>();
        for (GroupRow g : store.groups.list(scope, pattern, limit, offset)) {
            out.add(Views.group(g));
        }
        return out;
    }

    /** @return the group's detail with its members */
    public Map<String, Object> get(Principal caller, String id) {
        return detail(visible(caller, id));
    }

    /**
     * @param name the new name, or null to keep it
     * @param setDescription whether the body named {@code description} (null then clears it)
     */
    public Map<String, Object> update(Principal caller, String id, String name, boolean setDescription, String description) {
        GroupRow g = visible(caller, id);
        String cleanName = name == null ? g.name : checkName(name);
        if (setDescription) {
            checkDescription(description);
            g.description = description;
        }
        if (Boolean.TRUE.equals(g.isSystem) && !cleanName.equals(g.name)) {
            throw new ApiException(422, "Unprocessable Entity", "Cannot rename system group");
        }
        try {
            store.inTransaction(() -> {
                for (GroupRow other : store.groups.findByNameFolded(g.accountId, cleanName)) {
                    if (!other.id.equals(g.id)) {
                        throw duplicate();
                    }
                }
                g.name = cleanName;
                g.updatedAt = store.now();
                return store.groups.update(g);
            });
        } catch (RuntimeException e) {
            throw Problems.isConstraintViolation(e) ? duplicate() : e;
        }
        return detail(visible(caller, id));
    }

    public void delete(Principal caller, String id) {
        GroupRow g = visible(caller, id);
        if (Boolean.TRUE.equals(g.isSystem)) {
            throw new ApiException(422, "Unprocessable Entity", "Cannot delete system group");
        }
        if (store.groups.delete(g.id) == 0) {
            throw notFound();
        }
    }

    /** Adds a user of the group's own account; a user of another account is "not found". */
    public void addMember(Principal caller, String groupId, String userId) {
        GroupRow g = visible(caller, groupId);
        requireAdminForSystemGroup(caller, g);
        UserRow user = userId == null ? null : store.users.findById(userId);
        if (user == null || !user.accountId.equals(g.accountId)) {
            throw ApiException.notFound("User not found");
        }
        if (store.groups.isMember(g.id, user.id) > 0) {
            throw memberConflict();
        }
        try {
            store.groups.addMember(g.id, user.id, store.now());
        } catch (RuntimeException e) {
            if (!Problems.isConstraintViolation(e)) {
                throw e;
            }
            // a concurrent add wins on the primary key; a concurrent delete of the group or user on a foreign key
            if (store.groups.isMember(g.id, user.id) > 0) {
                throw memberConflict();
            }
            throw notFound();
        }
    }

    public void removeMember(Principal caller, String groupId, String userId) {
        GroupRow g = visible(caller, groupId);
        requireAdminForSystemGroup(caller, g);
        if (store.groups.removeMember(g.id, userId) == 0) {
            throw ApiException.notFound("User not in group");
        }
    }

    /**
     * Membership of a system group grants rights (pii_access unmasks personal data), so only the
     * account's admins and superadmins change it; the reference lets any user add themselves.
     */
    private static void requireAdminForSystemGroup(Principal caller, GroupRow g) {
        if (Boolean.TRUE.equals(g.isSystem) && !caller.isSuperadmin() && !"admin".equals(caller.role())) {
            throw ApiException.forbidden("Only account admins can change the members of a system group");
        }
    }

    private String targetAccount(Principal caller, String accountId) {
        if (accountId == null || accountId.isBlank() || accountId.equals(caller.accountId())) {
            return caller.accountId();
        }
        if (!caller.isSuperadmin()) {
            throw ApiException.forbidden("Only superadmins can create groups in other accounts");
        }
        AccountRow account = store.accounts.findById(accountId);
        if (account == null) {
            throw ApiException.notFound("Account not found");
        }
        return account.id;
    }

    /** @return the group when the caller may see it; 404 otherwise, also for other tenants' groups */
    private GroupRow visible(Principal caller, String id) {
        GroupRow g = id == null ? null : store.groups.findById(id);
        if (g == null || !(caller.isSuperadmin() || g.accountId.equals(caller.accountId()))) {
            throw notFound();
        }
        return g;
    }

    private Map<String, Object> detail(GroupRow g) {
        Map<String, Object> out = Views.group(g);
        List<Map<String, Object>> users = new ArrayList<>();
        for (UserRow u : store.groups.members(g.id)) {
            users.add(Views.user(u, store.users.groupNames(u.id)));
        }
        out.put("users", users);
        return out;
    }


    private static String checkName(String name) {
        return Inputs.requireName("name", name, NAME_MAX);
    }

    private static void checkDescription(String description) {
        Inputs.atMost("description", description, DESCRIPTION_MAX);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Group not found");
    }

    private static ApiException duplicate() {
        return ApiException.conflict(DUPLICATE, "name");
    }

    private static ApiException memberConflict() {
        return new ApiException(409, "Conflict", "User already in group");
    }
}
