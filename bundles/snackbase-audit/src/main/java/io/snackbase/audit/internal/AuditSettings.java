package io.snackbase.audit.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The configuration as the services use it, with the environment's switch applied.
 *
 * @param enabled whether writes are recorded
 * @param exportCap most rows of one export
 * @param verifyBatchSize rows per verification query
 * @param sealPollMillis longest wait of the sealing thread between rounds
 * @param sealBatchSize most writes sealed per transaction
 */
public record AuditSettings(boolean enabled, int exportCap, int verifyBatchSize, long sealPollMillis, int sealBatchSize) {

    /** The sealing defaults of {@link AuditConfig} with the other values given. */
    public AuditSettings(boolean enabled, int exportCap, int verifyBatchSize) {
        this(enabled, exportCap, verifyBatchSize, 200, 200);
    }

    /** @return the defaults of {@link AuditConfig} */
    public static AuditSettings defaults() {
        return new AuditSettings(true, 10_000, 1_000);
    }

    /** @return the configuration, turned off when the environment says so */
    public static AuditSettings of(AuditConfig config, Map<String, String> env) {
        return new AuditSettings(config.enabled() && !off(env.get("SNACKBASE_AUDIT_ENABLED"))
                && !off(env.get("SNACKBASE_AUDIT_LOGGING_ENABLED")), Math.max(1, config.exportCap()),
                Math.max(1, config.verifyBatchSize()), Math.max(1, config.sealPollMillis()), Math.max(1, config.sealBatchSize()));
    }

    private static boolean off(String value) {
        return value != null && switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "false", "0", "no", "off" -> true;
            default -> false;
        };
    }
}
