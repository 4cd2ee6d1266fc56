package io.snackbase.auth.internal.store;

/** One row of {@code api_keys}. */
public class ApiKeyRow {
    public String id;
    public String name;
    public String keyHash;
    public String userId;
    public Long expiresAt;
    public Long lastUsedAt;
    public Boolean isActive;
    public Long createdAt;
    public Long updatedAt;
    /** Space-separated scope names, "" for none. */
    public String scopes = "";
    /** The account an account-bound service key acts in; null for a key acting as its owner. */
    public String accountId;
}
