package io.snackbase.auth.internal.store;

/** One row of {@code roles}. */
public class RoleRow {
    public Integer id;
    public String name;
    public String description;
    public Long createdAt;
    public Long updatedAt;
}
