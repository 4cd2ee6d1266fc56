package io.snackbase.auth.internal.store;

/** One row of {@code users} joined with its role and account, as MyBatis maps it. */
public class UserRow {
    public String id;
    public String accountId;
    public String email;
    public String passwordHash;
    public Integer roleId;
    public Boolean isActive;
    public Boolean emailVerified;
    public Long emailVerifiedAt;
    public String authProvider;
    public String authProviderName;
    public String externalId;
    public String externalEmail;
    public String profileData;
    public Long createdAt;
    public Long updatedAt;
    public Long lastLogin;
    /** From the joins. */
    public String roleName;
    public String accountCode;
    public String accountName;
    public String accountSlug;
}
