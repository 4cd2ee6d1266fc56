package io.snackbase.auth.internal.service;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.core.Secrets;
import io.snackbase.auth.internal.core.SnackbaseTokenCodec;
import io.snackbase.auth.internal.core.Times;
import io.snackbase.auth.internal.store.ApiKeyRow;
import io.snackbase.auth.internal.store.UserRow;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A superadmin's own API keys: issuing ({@code sb_ak} tokens whose {@code token_id} is the key id;
 * only the SHA-256 is kept, the plaintext is shown once), listing with a mask, and revoking (the
 * id is blacklisted and the key deactivated). Another user's key answers 404 as a missing one does.
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
        return out;
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
        return m;
    }
}
