package io.snackbase.auth.internal.store;

/** One row of {@code accounts}, as MyBatis maps it (public fields, epoch-millisecond times). */
public class AccountRow {
    public String id;
    public String accountCode;
    public String slug;
    public String name;
    public Long createdAt;
    public Long updatedAt;
    /** Filled only by the queries that count users. */
    public Long userCount;
}
