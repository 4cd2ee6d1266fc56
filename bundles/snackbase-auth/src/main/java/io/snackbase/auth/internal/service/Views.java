package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.core.Times.iso;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.GroupRow;
import io.snackbase.auth.internal.store.RoleRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON objects of the contract (snake_case keys, nulls kept) built from rows. */
public final class Views {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {}

    /** AuthUser of login/register: the reference fields plus account_id, groups and last_login for the SDK. */
    public static Map<String, Object> authUser(UserRow u, List<String> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("email", u.email);
        m.put("role", u.roleName);
        m.put("is_active", Boolean.TRUE.equals(u.isActive));
        m.put("created_at", iso(u.createdAt));
        m.put("account_id", u.accountId);
        m.put("groups", groups);
        m.put("last_login", iso(u.lastLogin));
        m.put("email_verified", Boolean.TRUE.equals(u.emailVerified));
        return m;
    }

    /** AuthAccount: id, slug, name, created_at and account_code. */
    public static Map<String, Object> authAccount(AccountRow a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("slug", a.slug);
        m.put("name", a.name);
        m.put("account_code", a.accountCode);
        m.put("created_at", iso(a.createdAt));
        return m;
    }

    /** AccountDetail (get/create/update). */
    public static Map<String, Object> accountDetail(AccountRow a) {
        Map<String, Object> m = authAccount(a);
        m.put("updated_at", iso(a.updatedAt));
        m.put("user_count", a.userCount == null ? 0L : a.userCount);
        m.put("collections_used", List.of());
        return m;
    }

    /** AccountListItem. */
    public static Map<String, Object> accountListItem(AccountRow a) {
        Map<String, Object> m = authAccount(a);
        m.put("user_count", a.userCount == null ? 0L : a.userCount);
        m.put("status", "active");
        return m;
    }

    /** The user object of /users and group details. */
    public static Map<String, Object> user(UserRow u, List<String> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("email", u.email);
        m.put("account_id", u.accountId);
        m.put("account_code", u.accountCode);
        m.put("account_name", u.accountName);
        m.put("role_id", u.roleId);
        m.put("role_name", u.roleName);
        m.put("role", u.roleName);
        m.put("groups", groups);
        m.put("is_active", Boolean.TRUE.equals(u.isActive));
        m.put("auth_provider", u.authProvider);
        m.put("auth_provider_name", u.authProviderName);
        m.put("external_id", u.externalId);
        m.put("external_email", u.externalEmail);
        m.put("profile_data", profile(u.profileData));
        m.put("email_verified", Boolean.TRUE.equals(u.emailVerified));
        m.put("email_verified_at", iso(u.emailVerifiedAt));
        m.put("created_at", iso(u.createdAt));
        m.put("updated_at", iso(u.updatedAt));
        m.put("last_login", iso(u.lastLogin));
        return m;
    }

    /** AccountUser of /accounts/{id}/users. */
    public static Map<String, Object> accountUser(UserRow u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("email", u.email);
        m.put("role", u.roleName == null ? "unknown" : u.roleName);
        m.put("is_active", Boolean.TRUE.equals(u.isActive));
        m.put("created_at", iso(u.createdAt));
        return m;
    }

    /** Role with timestamps. */
    public static Map<String, Object> role(RoleRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("name", r.name);
        m.put("description", r.description);
        m.put("created_at", iso(r.createdAt));
        m.put("updated_at", iso(r.updatedAt));
        return m;
    }

    /** Group (list item); details add {@code users}. */
    public static Map<String, Object> group(GroupRow g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id);
        m.put("account_id", g.accountId);
        m.put("account_code", g.accountCode);
        m.put("name", g.name);
        m.put("description", g.description);
        m.put("is_system", Boolean.TRUE.equals(g.isSystem));
        m.put("member_count", g.memberCount == null ? 0L : g.memberCount);
        m.put("created_at", iso(g.createdAt));
        m.put("updated_at", iso(g.updatedAt));
        return m;
    }

    /** @return stored profile JSON as a value, or null */
    public static Object profile(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            return null;
        }
    }

    /** @return a JSON value as stored text, or null */
    public static String profileText(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("profile_data is not JSON", e);
        }
    }
}
