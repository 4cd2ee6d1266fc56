package io.snackbase.auth.internal.store;

/** One row of {@code email_tokens}: a single-use verification or reset token (hashed). */
public class EmailTokenRow {
    public String id;
    public String tokenHash;
    public String purpose;
    public String userId;
    public String email;
    public Long expiresAt;
    public Long usedAt;
    public Long createdAt;
}
