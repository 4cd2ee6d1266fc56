package io.snackbase.api.storage;

/**
 * The database products SnackBase runs on.
 */
public enum DatabaseKind {
    /** SQLite, the embedded default; MyBatis databaseId {@code sqlite}. */
    SQLITE("sqlite"),
    /** PostgreSQL; MyBatis databaseId {@code postgresql}. */
    POSTGRESQL("postgresql"),
    /** MySQL or MariaDB (through the MariaDB driver); MyBatis databaseId {@code mysql}. */
    MYSQL("mysql");

    private final String databaseId;

    DatabaseKind(String databaseId) {
        this.databaseId = databaseId;
    }

    /**
     * @return the id used for {@code databaseId} attributes in mapper XML and for dialect
     *     suffixes of migration scripts
     */
    public String databaseId() {
        return databaseId;
    }
}
