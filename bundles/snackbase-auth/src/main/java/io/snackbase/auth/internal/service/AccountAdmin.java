package io.snackbase.auth.internal.service;

import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.Slugs;
import io.snackbase.auth.internal.store.AccountRow;
import java.util.List;

/** Superadmin account administration: creation with a given or generated slug, renaming, deletion. */
public final class AccountAdmin {

    /** The columns {@code sort_by} may name, in the order the 422 lists them. */
    public static final List<String> SORT_COLUMNS = List.of("id", "slug", "name", "created_at", "account_code");
    static final int MAX_NAME = 255;
    /** Suffixes tried for a generated slug before giving up; far more than any real collision run. */
    private static final int MAX_SUFFIX = 1000;

    private final AuthStore store;
    private final Accounts accounts;

    public AccountAdmin(AuthStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** @return the account name, trimmed; 422 when missing, blank or longer than 255 characters */
    public static String checkName(String name) {
        return Inputs.requireName("name", name, MAX_NAME);
    }

    /**
     * Creates an account with the next free code. A given slug must be valid and free; without
     * one, the slug is generated from the name and suffixed {@code -1}, {@code -2}, ... until free.
     *
     * @param name a name accepted by {@link #checkName}
     * @param slug the requested slug, or null to generate one
     * @return the new account (user_count 0)
     * @throws ApiException 422 {@code {"detail": reason}} for an invalid slug or
     *     {@code Slug '<slug>' already exists}
     */
    public AccountRow create(String name, String slug) {
        if (slug != null) {
            Slugs.checkAdmin(slug).ifPresent(reason -> {
                throw unprocessable(reason);
            });
        }
        String base = slug == null ? Slugs.fromNameForAdmin(name) : null;
        // the slug is checked in the inserting transaction; a concurrent taker of it or of the code makes the insert fail and retry
        return Retrying.write(store, () -> accounts.insert(name, slug == null ? freeSlug(base) : free(slug)));
    }

    private String free(String slug) {
        if (store.accounts.findBySlug(slug) != null) {
            throw unprocessable("Slug '" + slug + "' already exists");
        }
        return slug;
    }

    private String freeSlug(String base) {
        if (store.accounts.findBySlug(base) == null) {
            return base;
        }
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String candidate = suffixed(base, n);
            if (store.accounts.findBySlug(candidate) == null) {
                return candidate;
            }
        }
        throw unprocessable("Slug '" + base + "' already exists");
    }

    /** @return base with {@code -n}, the base shortened so that the whole stays within 32 characters */
    static String suffixed(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() <= 32 ? base : base.substring(0, 32 - suffix.length());
        return head.replaceAll("-+$", "") + suffix;
    }

    /** @return the renamed account; 404 when it does not exist */
    public AccountRow rename(String id, String name) {
        accounts.require(id);
        store.accounts.rename(id, name, store.now());
        return accounts.require(id);
    }

    /**
     * Deletes the account; its users, groups, invitations and their tokens and keys go with it
     * through the foreign keys' cascades.
     *
     * @throws ApiException 422 {@code Cannot delete system account}; 404 when it does not exist
     */
    public void delete(String id) {
        if (Accounts.isSystem(id)) {
            throw unprocessable("Cannot delete system account");
        }
        accounts.require(id);
        store.accounts.delete(id);
    }

    /** @return a 422 whose body is {@code {"detail": text}} (plus the envelope), as the contract words these refusals */
    public static ApiException unprocessable(String text) {
        return new ApiException(422, "Unprocessable Entity", text);
    }
}
