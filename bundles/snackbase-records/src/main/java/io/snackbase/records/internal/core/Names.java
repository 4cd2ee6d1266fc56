package io.snackbase.records.internal.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The physical names of a collection: its table and its indexes and constraints. All are lower
 * case and at most 63 characters (PostgreSQL's limit; MariaDB's is 64), so that no database
 * shortens or refuses them.
 */
public final class Names {

    static final int MAX = 63;

    private Names() {}

    /** @return {@code col_<lower-cased name>}, shortened with a hash when longer than 63 characters */
    public static String table(String collectionName) {
        return bounded("col_" + collectionName.toLowerCase(Locale.ROOT));
    }

    /** @return the name of the (account_id, created_at, id) index */
    public static String createdIndex(String table) {
        return bounded("ix_" + table + "_created");
    }

    /** @return the name of the (account_id, column) index of a reference column */
    public static String referenceIndex(String table, String column) {
        return bounded("ix_" + table + "_" + column.toLowerCase(Locale.ROOT));
    }

    /** @return the name of the unique (account_id, column) index */
    public static String uniqueIndex(String table, String column) {
        return bounded("ux_" + table + "_" + column.toLowerCase(Locale.ROOT));
    }

    /** @return the name of a reference column's foreign key */
    public static String foreignKey(String table, String column) {
        return bounded("fk_" + table + "_" + column.toLowerCase(Locale.ROOT));
    }

    /** @return the name of the account foreign key */
    public static String accountForeignKey(String table) {
        return bounded("fk_" + table + "_account");
    }

    /** Keeps a name of up to 63 characters; a longer one becomes its first 46 characters, '_' and 16 hex digits of its SHA-256. */
    static String bounded(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, 46) + "_" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
