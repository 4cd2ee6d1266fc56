package io.snackbase.auth.internal.store;

/** One row of {@code user_groups} with its account code and member count. */
public class GroupRow {
    public String id;
    public String accountId;
    public String name;
    public String description;
    public Boolean isSystem;
    public Long createdAt;
    public Long updatedAt;
    public String accountCode;
    public Long memberCount;
}
