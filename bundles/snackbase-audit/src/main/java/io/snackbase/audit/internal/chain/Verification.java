package io.snackbase.audit.internal.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a chain walk.
 *
 * @param checked how many entries were read (the broken one included)
 * @param brokenId the id of the first break, or null when the chain is intact
 * @param reason {@code checksum_mismatch}, {@code broken_link} or {@code gap}, or null
 */
public record Verification(long checked, Long brokenId, String reason) {

    public static final String CHECKSUM_MISMATCH = "checksum_mismatch";
    public static final String BROKEN_LINK = "broken_link";
    public static final String GAP = "gap";

    /** @return true when no break was found */
    public boolean valid() {
        return brokenId == null;
    }

    /** @return {@code {valid, checked, first_broken: {id, reason} | null}} */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", valid());
        body.put("checked", checked);
        if (valid()) {
            body.put("first_broken", null);
        } else {
            Map<String, Object> broken = new LinkedHashMap<>();
            broken.put("id", brokenId);
            broken.put("reason", reason);
            body.put("first_broken", broken);
        }
        return body;
    }

    /** @return the body as one line of JSON (for the command's result file) */
    public String json() {
        String broken = valid() ? "null" : "{\"id\": " + brokenId + ", \"reason\": \"" + reason + "\"}";
        return "{\"valid\": " + valid() + ", \"checked\": " + checked + ", \"first_broken\": " + broken + "}";
    }
}
