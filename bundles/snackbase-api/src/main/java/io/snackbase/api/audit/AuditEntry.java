package io.snackbase.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored audit log entry: one column of one written row. Immutable.
 *
 * <p>{@code checksum} is the lowercase hex SHA-256 of the entry's canonical JSON (all fields below
 * except {@code id} and {@code checksum}, keys sorted); {@code previousHash} is the checksum of the
 * entry with id {@code id - 1}, or null for the first entry of the chain.
 *
 * @param id the chain sequence number, from 1, without gaps
 * @param accountId the tenant of the written row
 * @param operation what happened to the row
 * @param tableName the physical table
 * @param recordId the row's primary key
 * @param columnName the column this entry is about
 * @param oldValue the value before, as text; null on CREATE; {@code ***} for secret columns
 * @param newValue the value after, as text; null on DELETE; {@code ***} for secret columns
 * @param userId the acting user
 * @param userEmail the acting user's email
 * @param userName the acting user's name (the email)
 * @param esUsername electronic signature: signer, or null
 * @param esReason electronic signature: meaning, or null
 * @param esTimestamp electronic signature: time (microseconds), or null
 * @param ipAddress the client address, or null
 * @param userAgent the client's User-Agent, or null
 * @param requestId the request's correlation id, or null
 * @param occurredAt when the write happened (UTC, microseconds), the same for all entries of one write
 * @param checksum this entry's checksum
 * @param previousHash the checksum of the preceding entry, or null for the first
 * @param extraMetadata further facts, such as {@code auth_method}; null when none
 */
public record AuditEntry(long id, String accountId, AuditOperation operation, String tableName, String recordId,
        String columnName, String oldValue, String newValue, String userId, String userEmail, String userName,
        String esUsername, String esReason, Instant esTimestamp, String ipAddress, String userAgent, String requestId,
        Instant occurredAt, String checksum, String previousHash, Map<String, Object> extraMetadata) {}
