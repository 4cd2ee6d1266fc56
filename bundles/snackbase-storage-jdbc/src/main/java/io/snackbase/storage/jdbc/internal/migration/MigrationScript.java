package io.snackbase.storage.jdbc.internal.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One versioned schema change of a module, as chosen for the running database. */
public record MigrationScript(int version, String description, String sql) {

    /** @return SHA-256 hex of the script text, recorded so that a later edit is noticed */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
