package io.snackbase.auth.internal.service;

import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.store.RoleRow;
import java.util.Set;

/** Global roles: create, rename, delete, with the built-in {@code admin} and {@code user} always present under those names. */
public final class RoleAdmin {

    static final Set<String> DEFAULT_ROLES = Set.of("admin", "user");
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;

    private final AuthStore store;

    public RoleAdmin(AuthStore store) {
        this.store = store;
    }

    /** @return the role name, trimmed; 422 when missing, blank or too long */
    public static String checkName(String name) {
        return Inputs.requireName("name", name, MAX_NAME);
    }

    /** @return the description; 422 when longer than 500 characters */
    public static String checkDescription(String description) {
        return Inputs.atMost("description", description, MAX_DESCRIPTION);
    }

    /**
     * Inserts with id max + 1; losing that id to a concurrent insert (or being a deadlock victim)
     * is retried in a new transaction, losing the name is the 409.
     *
     * @throws ApiException 409 {@code Role with name '<n>' already exists}
     */
    public RoleRow create(String name, String description) {
        return Retrying.write(store, () -> {
            if (store.roles.findByName(name) != null) {
                throw duplicate(name);
            }
            RoleRow row = new RoleRow();
            row.name = name;
            row.description = description;
            row.createdAt = store.now();
            row.updatedAt = row.createdAt;
            store.roles.insert(row);
            return store.roles.findByName(name);
        });
    }

    /**
     * @param name the new name, or null to keep it
     * @param description the new description when {@code setDescription}
     * @throws ApiException 404; 409 duplicate name; 422 renaming {@code admin} or {@code user}
     */
    public RoleRow update(int id, String name, boolean setDescription, String description) {
        RoleRow row = require(id);
        if (name != null && !name.equals(row.name)) {
            if (DEFAULT_ROLES.contains(row.name)) {
                // tokens, rules and registration refer to these two by name
                throw new ApiException(422, "Unprocessable Entity", "Cannot rename default role '" + row.name + "'");
            }
            RoleRow holder = store.roles.findByName(name);
            if (holder != null && !holder.id.equals(row.id)) {
                throw duplicate(name);
            }
            row.name = name;
        }
        if (setDescription) {
            row.description = description;
        }
        row.updatedAt = store.now();
        try {
            store.roles.update(row);
        } catch (RuntimeException e) {
            if (Problems.isConstraintViolation(e)) {
                throw duplicate(row.name);
            }
            throw e;
        }
        return require(id);
    }

    /** @throws ApiException 404; 422 for {@code admin} and {@code user}; 409 {@code Role is in use} while a user has it */
    public void delete(int id) {
        RoleRow row = require(id);
        if (DEFAULT_ROLES.contains(row.name)) {
            throw new ApiException(422, "Unprocessable Entity", "Cannot delete default role '" + row.name + "'");
        }
        if (store.users.countWithRole(id) > 0) {
            throw inUse();
        }
        try {
            store.roles.delete(id);
        } catch (RuntimeException e) {
            // a user was given the role after the count
            if (Problems.isConstraintViolation(e)) {
                throw inUse();
            }
            throw e;
        }
    }

    /** @return the role; 404 {@code Role with ID <id> not found} */
    public RoleRow require(int id) {
        RoleRow row = store.roles.findById(id);
        if (row == null) {
            throw ApiException.notFound("Role with ID " + id + " not found");
        }
        return row;
    }

    private static ApiException duplicate(String name) {
        return ApiException.conflict("Role with name '" + name + "' already exists", "name");
    }

    private static ApiException inUse() {
        return new ApiException(409, "Conflict", "Role is in use");
    }
}
