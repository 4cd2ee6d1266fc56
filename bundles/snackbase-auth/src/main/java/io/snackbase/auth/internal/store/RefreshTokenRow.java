package io.snackbase.auth.internal.store;

/** One row of {@code refresh_tokens}. */
public class RefreshTokenRow {
    public String id;
    public String tokenHash;
    public String familyId;
    public String userId;
    public String accountId;
    public Long expiresAt;
    public Long createdAt;
    public Long revokedAt;
}
