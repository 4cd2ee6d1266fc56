package io.snackbase.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code io.snackbase.audit}. */
@ObjectClassDefinition(name = "SnackBase audit log",
        description = "Column-level, append-only, hash-chained log of record and system-table writes.")
public @interface AuditConfig {

    @AttributeDefinition(name = "Enabled", description = "Record writes in the audit log (reported as audit_logging_enabled "
            + "by /health and the audit-logs list). The environment variable SNACKBASE_AUDIT_ENABLED=false (or the reference "
            + "server's SNACKBASE_AUDIT_LOGGING_ENABLED=false) also turns it off. Reading, export and verification work either way.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Export cap (rows)", min = "1",
            description = "Most entries one GET /audit-logs/export returns, newest first (the reference server's 10000).")
    int exportCap() default 10_000;

    @AttributeDefinition(name = "Verification batch size (rows)", min = "1",
            description = "Entries read per query while verifying the chain; bounds the memory of a verification.")
    int verifyBatchSize() default 1_000;

    @AttributeDefinition(name = "Sealing poll (ms)", min = "1",
            description = "A write's entries are stored in its transaction (table audit_pending) and given their place in the "
            + "chain (id, checksum, previous hash) by this instance's sealing thread right after the write commits. This is "
            + "the longest the thread waits between rounds without such a signal, which bounds how long entries left by a "
            + "crashed instance, or written by another instance on the same database, stay unsealed.")
    long sealPollMillis() default 200;

    @AttributeDefinition(name = "Sealing batch size (writes)", min = "1",
            description = "Most pending writes (each with its entries, one per column) sealed in one transaction, which holds "
            + "the chain head lock; larger batches seal a backlog with fewer transactions, smaller ones hold the lock for less time.")
    int sealBatchSize() default 200;
}
