package io.snackbase.auth.internal.service;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.AccountCodes;
import io.snackbase.auth.internal.store.AccountRow;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts (tenants): creation with the next free code, lookup by code, slug or id. */
public final class Accounts {

    private static final Pattern UUID_SHAPE = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final AuthStore store;

    public Accounts(AuthStore store) {
        this.store = store;
    }

    /**
     * Inserts an account with the next free code, inside the caller's transaction. A code taken
     * by a concurrent insert shows as a constraint violation, which the caller retries with a new
     * transaction ({@link Retrying#write}).
     */
    public AccountRow insert(String name, String slug) {
        AccountRow row = new AccountRow();
        row.id = UUID.randomUUID().toString();
        row.accountCode = AccountCodes.next(store.accounts.highestCode());
        row.slug = slug;
        row.name = name;
        row.createdAt = store.now();
        row.updatedAt = row.createdAt;
        row.userCount = 0L;
        store.accounts.insert(row);
        return row;
    }

    /** @return the account named by a caller: code first, then slug, then id */
    public Optional<AccountRow> resolve(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        String text = identifier.trim();
        String upper = text.toUpperCase(Locale.ROOT);
        if (AccountCodes.PATTERN.matcher(upper).matches()) {
            AccountRow byCode = store.accounts.findByCode(upper);
            if (byCode != null) {
                return Optional.of(byCode);
            }
        }
        if (text.length() <= 32) {
            AccountRow bySlug = store.accounts.findBySlug(text.toLowerCase(Locale.ROOT));
            if (bySlug != null) {
                return Optional.of(bySlug);
            }
        }
        if (UUID_SHAPE.matcher(text).matches()) {
            return Optional.ofNullable(store.accounts.findById(text.toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** @return the account, or 404 {@code Account '<id>' not found} */
    public AccountRow require(String id) {
        AccountRow row = id == null ? null : store.accounts.findById(id);
        if (row == null) {
            throw ApiException.notFound("Account '" + id + "' not found");
        }
        return row;
    }

    /** @return true for the system account, which holds the superadmins */
    public static boolean isSystem(String accountId) {
        return Principal.SYSTEM_ACCOUNT_ID.equals(accountId);
    }
}
