package io.snackbase.auth.internal.service;

import io.snackbase.api.context.ApiKeyScopes;
import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.SnackbaseTokenCodec;
import io.snackbase.auth.internal.core.Times;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.ApiKeyRow;
import io.snackbase.auth.internal.store.UserRow;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A superadmin's own API keys: issuing ({@code sb_ak} tokens whose {@code token_id} is the key id;
 * only the SHA-256 is kept, the plaintext is shown once), listing with a mask, and revoking (the
 * id is blacklisted and the key deactivated). Another user's key answers 404 as a missing one does.
 *
 * <p>A key may carry scopes ({@link ApiKeyScopes}) and be bound to one tenant account (an
 * "account-bound service key", {@link Principal#isServiceKey()}): it then acts in that account only,
 * with no role, instead of as its superadmin owner. Both are fixed at creation; a key without them
 * behaves as before.
 */
public final class ApiKeys {

    static final int NAME_MIN = 3;
    static final int NAME_MAX = 100;

    private final AuthStore store;
    private final SnackbaseTokenCodec codec;
    private final int perUser;

    /** @param perUser the most active keys one user may hold */
    public ApiKeys(AuthStore store, SnackbaseTokenCodec codec, int perUser) {
        this.store = store;
        this.codec = codec;
        this.perUser = perUser;
    }

    /**
     * @param expiresAt ISO-8601 with Z or an offset, or null for a key that never expires
     * @return the 201 body with the plaintext {@code key}
     */
    public Map<String, Object> create(Principal caller, String name, String expiresAt) {
        return create(caller, name, expiresAt, null, null);
    }

    /**
     * @param scopes the body's {@code scopes} as parsed JSON (null or absent: none)
     * @param account the body's {@code account_id}: an account id, code or slug; null for a key
     *     acting as its owner
     * @return the 201 body with the plaintext {@code key}, its {@code scopes} and {@code account_id}
     * @throws ApiException 422 naming {@code scopes} (not a list of strings, an unknown scope, a
     *     scope that needs an account without one) or {@code account_id} (unknown, the system account)
     */
    public Map<String, Object> create(Principal caller, String name, String expiresAt, Object scopes, String account) {
        String cleanName = name == null ? null : name.trim();
        if (cleanName == null) {
            throw Problems.required("name");
        }
        if (cleanName.length() < NAME_MIN) {
            throw Problems.shape("name", "String should have at least " + NAME_MIN + " characters");
        }
        if (cleanName.length() > NAME_MAX) {
            throw Problems.shape("name", "String should have at most " + NAME_MAX + " characters");
        }
        Long expires = expiry(expiresAt);
        String boundAccount = account(account);
        Set<String> granted = scopes(scopes, boundAccount != null);
        UserRow owner = store.users.findById(caller.userId());
        if (owner == null) {
            throw ApiException.unauthorized("User does not belong to the specifying account");
        }
        ApiKeyRow row = new ApiKeyRow();
        row.id = UUID.randomUUID().toString();
        row.name = cleanName;
        row.userId = owner.id;
        row.expiresAt = expires;
        row.isActive = true;
        row.createdAt = store.now();
        row.updatedAt = row.createdAt;
        row.scopes = String.join(" ", granted);
        row.accountId = boundAccount;
        String key = codec.issueApiKey(row.id, owner.id, owner.email, owner.accountId, owner.roleName, expires);
        row.keyHash = Secrets.sha256(key);
        store.inTransaction(() -> {
            if (store.apiKeys.countActive(owner.id) >= perUser) {
                throw ApiException.badRequest("Maximum number of API keys reached (" + perUser + ")");
            }
            return store.apiKeys.insert(row);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.id);
        out.put("name", row.name);
        out.put("key", key);
        out.put("expires_at", Times.iso(row.expiresAt));
        out.put("created_at", Times.iso(row.createdAt));
        out.put("scopes", List.copyOf(granted));
        out.put("account_id", row.accountId);
        return out;
    }

    /** @return the scopes stored on a key, in alphabetical order */
    public static Set<String> scopes(ApiKeyRow row) {
        Set<String> out = new TreeSet<>();
        if (row.scopes != null && !row.scopes.isBlank()) {
            out.addAll(Arrays.asList(row.scopes.trim().split(" +")));
        }
        return out;
    }

    private Set<String> scopes(Object json, boolean bound) {
        Set<String> out = new TreeSet<>();
        if (json == null) {
            return out;
        }
        if (!(json instanceof List<?> list)) {
            throw Problems.shape("scopes", "Input should be a valid list of scope names");
        }
        for (Object item : list) {
            if (!(item instanceof String scope)) {
                throw Problems.shape("scopes", "Input should be a valid list of scope names");
            }
            if (!ApiKeyScopes.KNOWN.contains(scope)) {
                throw Problems.shape("scopes", "Unknown scope '" + shown(scope) + "'. Known scopes: "
                        + String.join(", ", new TreeSet<>(ApiKeyScopes.KNOWN)));
            }
            if (!bound && ApiKeyScopes.ACCOUNT_BOUND_ONLY.contains(scope)) {
                throw Problems.shape("scopes", "Scope '" + scope + "' needs a key bound to an account (account_id)");
            }
            out.add(scope);
        }
        return out;
    }

    /** @return a caller's text cut to a length fit for an error message */
    private static String shown(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    /** @return the id of the account a key is bound to, null for none */
    private String account(String identifier) {
        if (identifier == null) {
            return null;
        }
        AccountRow row = new Accounts(store).resolve(identifier).orElse(null);
        if (row == null) {
            throw Problems.shape("account_id", "Account '" + shown(identifier) + "' not found");
        }
        if (Accounts.isSystem(row.id)) {
            throw Problems.shape("account_id", "A key cannot be bound to the system account; omit account_id for a key that acts as you");
        }
        return row.id;
    }

    /** @return {@code {items, total}} of the caller's keys, revoked ones included */
    public Map<String, Object> list(Principal caller) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ApiKeyRow row : store.apiKeys.ofUser(caller.userId())) {
            items.add(item(row));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", items.size());
        return out;
    }

    /** @return the list item plus updated_at */
    public Map<String, Object> get(Principal caller, String id) {
        ApiKeyRow row = own(caller, id);
        Map<String, Object> out = item(row);
        out.put("updated_at", Times.iso(row.updatedAt));
        return out;
    }

    /** Blacklists the key's token id and deactivates it; revoking a revoked key again changes nothing. */
    public void revoke(Principal caller, String id) {
        ApiKeyRow row = own(caller, id);
        store.inTransaction(() -> {
            if (store.tokens.isRevoked(row.id) == 0) {
                store.tokens.revokeTokenId(row.id, store.now(), row.expiresAt);
            }
            return store.apiKeys.deactivate(row.id, store.now());
        });
    }

    /** @return the reference's mask: the first 6 and last 4 characters of the hash (never of the key) */
    static String mask(String hash) {
        return hash.substring(0, 6) + "..." + hash.substring(hash.length() - 4);
    }

    private Long expiry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        long millis;
        try {
            millis = Times.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Problems.shape("expires_at", "Input should be a valid datetime");
        }
        if (millis <= store.now()) {
            throw Problems.shape("expires_at", "Expiration date must be in the future");
        }
        return millis;
    }

    private ApiKeyRow own(Principal caller, String id) {
        ApiKeyRow row = id == null ? null : store.apiKeys.findById(id);
        if (row == null || !row.userId.equals(caller.userId())) {
            throw ApiException.notFound("API key not found");
        }
        return row;
    }

    private static Map<String, Object> item(ApiKeyRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        m.put("name", row.name);
        m.put("key", mask(row.keyHash));
        m.put("last_used_at", Times.iso(row.lastUsedAt));
        m.put("expires_at", Times.iso(row.expiresAt));
        m.put("is_active", Boolean.TRUE.equals(row.isActive));
        m.put("created_at", Times.iso(row.createdAt));
        m.put("scopes", List.copyOf(scopes(row)));
        m.put("account_id", row.accountId);
        return m;
    }
}
