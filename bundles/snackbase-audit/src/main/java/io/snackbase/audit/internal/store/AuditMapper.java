package io.snackbase.audit.internal.store;

import io.snackbase.request.support.sql.PrebuiltSql;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Lang;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of {@code audit_log}, its outbox {@code audit_pending} and {@code audit_chain_head}; there is no
 * UPDATE or DELETE of entries (pending rows are deleted once sealed).
 */
public interface AuditMapper {

    String COLUMNS = "id, account_id, operation, table_name, record_id, column_name, old_value, new_value, user_id,"
            + " user_email, user_name, es_username, es_reason, es_timestamp, ip_address, user_agent, request_id,"
            + " occurred_at, checksum, previous_hash, extra_metadata";

    /** The outbox's columns: those a write's entries share, and its changes (see {@link PendingWrites}). */
    String PENDING_COLUMNS = "account_id, operation, table_name, record_id, user_id, user_email, user_name, es_username,"
            + " es_reason, es_timestamp, ip_address, user_agent, request_id, occurred_at, extra_metadata, changes";

    String FILTERS = "<where>"
            + "<if test='accountId != null'> AND account_id = #{accountId}</if>"
            + "<if test='tableName != null'> AND table_name = #{tableName}</if>"
            + "<if test='recordId != null'> AND record_id = #{recordId}</if>"
            + "<if test='userId != null'> AND user_id = #{userId}</if>"
            + "<if test='operation != null'> AND operation = #{operation}</if>"
            + "<if test='fromMicros != null'> AND occurred_at &gt;= #{fromMicros}</if>"
            + "<if test='toMicros != null'> AND occurred_at &lt;= #{toMicros}</if>"
            + "<if test='beforeId != null'> AND id &lt; #{beforeId}</if>"
            + "</where>";

    /**
     * Locks the chain head until the transaction ends: a row lock on PostgreSQL and MariaDB; on
     * SQLite the transaction already holds the database's single write lock (BEGIN IMMEDIATE).
     */
    @Select("<script>SELECT last_id, last_checksum FROM audit_chain_head WHERE id = 1"
            + "<if test='_databaseId != \"sqlite\"'> FOR UPDATE</if></script>")
    ChainHead lockHead();

    @Select("SELECT last_id, last_checksum FROM audit_chain_head WHERE id = 1")
    ChainHead head();

    @Update("UPDATE audit_chain_head SET last_id = #{lastId}, last_checksum = #{lastChecksum} WHERE id = 1")
    int moveHead(ChainHead head);

    /**
     * The oldest pending writes, in pending-id order, up to an id (a reader's bound, so that sealing
     * for a read ends even while writers keep adding), at most {@code limit}. A plain read: the
     * sealer runs it after taking the head lock, which orders it after every earlier sealer's commit
     * (on MariaDB the transaction's snapshot is taken by this first non-locking read, after the lock).
     */
    @Select("SELECT id AS pending_id, " + PENDING_COLUMNS + " FROM audit_pending WHERE id <= #{upTo} ORDER BY id LIMIT #{limit}")
    List<AuditRow> pending(@Param("upTo") long upTo, @Param("limit") int limit);

    /** @return the highest pending id, or null when nothing is pending */
    @Select("SELECT MAX(id) FROM audit_pending")
    Long lastPendingId();

    /** @return how many writes are pending */
    @Select("SELECT COUNT(*) FROM audit_pending")
    long pendingCount();

    /** Deletes pending writes by id, built by {@link AuditInserts#deletePending}. */
    @Lang(PrebuiltSql.class)
    @org.apache.ibatis.annotations.Delete("${sql}")
    int deleteBuilt(@Param("sql") String sql, @Param("p") List<Object> params);

    /** Inserts rows built by {@link AuditInserts} (one multi-row statement, bound without MyBatis parsing it per call). */
    @Lang(PrebuiltSql.class)
    @Insert("${sql}")
    int insertBuilt(@Param("sql") String sql, @Param("p") List<Object> params);

    @Select("SELECT " + COLUMNS + " FROM audit_log WHERE id = #{id}")
    AuditRow findById(@Param("id") long id);

    /** Verification's cursor: the next rows from an id on, in id order. */
    @Select("SELECT " + COLUMNS + " FROM audit_log WHERE id >= #{fromId} ORDER BY id LIMIT #{limit}")
    List<AuditRow> fromId(@Param("fromId") long fromId, @Param("limit") int limit);

    @Select("<script>SELECT " + COLUMNS + " FROM audit_log " + FILTERS
            + " ORDER BY ${sortColumn} ${sortOrder}, id DESC LIMIT #{limit} OFFSET #{skip}</script>")
    List<AuditRow> list(AuditFilter filter);

    @Select("<script>SELECT COUNT(*) FROM audit_log " + FILTERS + "</script>")
    long count(AuditFilter filter);

    /** Export's cursor: newest first, below {@code beforeId}. */
    @Select("<script>SELECT " + COLUMNS + " FROM audit_log " + FILTERS + " ORDER BY id DESC LIMIT #{limit}</script>")
    List<AuditRow> newestFirst(AuditFilter filter);
}
