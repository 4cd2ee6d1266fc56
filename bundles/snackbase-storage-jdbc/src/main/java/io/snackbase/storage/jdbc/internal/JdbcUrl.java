package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.DatabaseKind;
import java.nio.file.Path;
import java.util.Locale;

/** A JDBC URL that SnackBase supports, with the database product it names. */
public record JdbcUrl(DatabaseKind kind, String url) {

    /** Environment variable consulted when the configuration leaves the URL empty. */
    public static final String ENV_URL = "SNACKBASE_DB_URL";

    /**
     * Parses a configured URL. {@code jdbc:mysql:} is rewritten to {@code jdbc:mariadb:} because the
     * MariaDB driver is the one we ship and it speaks to both servers.
     *
     * @throws IllegalArgumentException for anything but SQLite, PostgreSQL and MySQL/MariaDB URLs
     */
    public static JdbcUrl parse(String url) {
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return new JdbcUrl(DatabaseKind.SQLITE, trimmed);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new JdbcUrl(DatabaseKind.POSTGRESQL, trimmed);
        }
        if (lower.startsWith("jdbc:mariadb:")) {
            return new JdbcUrl(DatabaseKind.MYSQL, trimmed);
        }
        if (lower.startsWith("jdbc:mysql:")) {
            return new JdbcUrl(DatabaseKind.MYSQL, "jdbc:mariadb:" + trimmed.substring("jdbc:mysql:".length()));
        }
        throw new IllegalArgumentException("Unsupported database URL '" + redact(trimmed)
                + "': use jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
    }

    /**
     * Chooses the URL: the configured one, else the environment's, else the embedded SQLite file
     * under the instance's data folder.
     */
    public static JdbcUrl resolve(String configured, String fromEnvironment, Path home) {
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return parse(fromEnvironment);
        }
        Path file = home.resolve("data").resolve("snackbase.db").toAbsolutePath();
        return new JdbcUrl(DatabaseKind.SQLITE, "jdbc:sqlite:" + file);
    }

    /** @return the URL with the values of password parameters replaced, for logs */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return redact(url);
    }
}
