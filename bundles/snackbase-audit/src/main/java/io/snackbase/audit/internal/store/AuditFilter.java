package io.snackbase.audit.internal.store;

/**
 * The filters, order and page of a list or export; null filters are not applied. {@code sortColumn}
 * and {@code sortOrder} reach ORDER BY as text, so only {@link io.snackbase.audit.internal.rest.AuditQuery}
 * sets them, from its whitelist.
 */
public class AuditFilter {
    public String accountId;
    public String tableName;
    public String recordId;
    public String userId;
    public String operation;
    public Long fromMicros;
    public Long toMicros;
    public String sortColumn = "occurred_at";
    public String sortOrder = "DESC";
    public int skip;
    public int limit = 50;
    /** Export paging: only ids below this one (keyset), or null. */
    public Long beforeId;
}
