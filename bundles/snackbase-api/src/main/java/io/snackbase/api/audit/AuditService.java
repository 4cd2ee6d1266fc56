package io.snackbase.api.audit;

import io.snackbase.api.context.RequestContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes the audit log. Registered by the audit bundle with {@code snackbase.impl=default};
 * a replacement registers with a higher {@code service.ranking}. Thread-safe.
 *
 * <p>Every entry joins one global hash chain ordered by id. The entries are stored in the caller's
 * transaction without any global lock (durable and all-or-nothing with the write); their place in
 * the chain (id, checksum, previous hash) is assigned within milliseconds after commit by the
 * audit bundle's sealer, which serialises across threads and instances on a lock of the chain head.
 * Reads of the audit log through the audit bundle seal first, so they see every committed write.
 */
@ProviderType
public interface AuditService {

    /**
     * Appends the entries of one written row, in the caller's transaction
     * ({@link io.snackbase.api.storage.TransactionManager#inTransaction}), which must be active:
     * the entries commit or roll back with the row. CREATE writes one entry per column of
     * {@link RecordChange#newValues()}; UPDATE one per column of {@code newValues} whose text
     * differs from that in {@code oldValues}; DELETE one per column of {@code oldValues}. All
     * entries of one call share one {@code occurred_at}.
     *
     * <p>Nothing is written when {@link #enabled()} is false, when the caller is not an
     * authenticated user (anonymous callers and {@code system} work are not audited), or for the
     * never-audited tables ({@code audit_log}, {@code audit_chain_head}, {@code refresh_tokens},
     * {@code oauth_states}, {@code sb_schema_migrations}). Columns named like secrets
     * ({@code password}, {@code token_hash}, {@code client_secret}, ...) are stored as {@code ***}.
     * After commit the entries are sealed into the chain and then go to every {@link AuditSink}.
     *
     * @param change the written row
     * @param context the caller: user, IP address, User-Agent and request id of the entries
     * @throws IllegalStateException when no transaction is active on the calling thread
     * @throws io.snackbase.api.storage.StorageException when the entries cannot be stored; the
     *     caller's transaction must then roll back (an unaudited write never commits)
     */
    void recordChange(RecordChange change, RequestContext context);

    /**
     * @return true when changes are recorded: configuration {@code io.snackbase.audit/enabled}
     *     (default true) and the environment ({@code SNACKBASE_AUDIT_ENABLED=false} turns it off)
     */
    boolean enabled();
}
