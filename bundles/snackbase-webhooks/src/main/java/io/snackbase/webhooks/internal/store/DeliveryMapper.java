package io.snackbase.webhooks.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code webhook_deliveries} and {@code webhook_delivery_attempts}: the outbox, its claims and the history. */
public interface DeliveryMapper {

    String COLUMNS = "seq, id, webhook_id, account_id, event, collection, record_key, payload, status, attempt_number,"
            + " next_attempt_at, lease_owner, lease_until, response_status, response_body, error, duration_ms,"
            + " delivered_at, created_at, updated_at";

    String OPEN = "('pending', 'retrying')";

    @Insert("INSERT INTO webhook_deliveries (id, webhook_id, account_id, event, collection, record_key, payload, status,"
            + " attempt_number, next_attempt_at, created_at, updated_at) VALUES (#{id}, #{webhookId}, #{accountId},"
            + " #{event}, #{collection}, #{recordKey}, #{payload}, #{status}, #{attemptNumber}, #{nextAttemptAt},"
            + " #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "seq", keyColumn = "seq")
    int insert(DeliveryRow row);

    /**
     * Due, unleased deliveries, oldest first. On PostgreSQL and MariaDB the rows are locked and rows locked by
     * another instance's claim are skipped; on SQLite the claiming transaction holds the only write lock.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM webhook_deliveries WHERE status IN " + OPEN
            + " AND next_attempt_at &lt;= #{now} AND (lease_until IS NULL OR lease_until &lt; #{now})"
            + " ORDER BY next_attempt_at, seq LIMIT #{limit}"
            + "<if test='_databaseId != \"sqlite\"'> FOR UPDATE SKIP LOCKED</if></script>")
    List<DeliveryRow> due(@Param("now") long now, @Param("limit") int limit);

    /**
     * Of the given deliveries, those that must wait: an older delivery of the same webhook for the same record is
     * still open (retrying, or in flight elsewhere). A plain read, so that it never waits for other claims' locks.
     */
    @Select("<script>SELECT d.seq FROM webhook_deliveries d WHERE d.seq IN"
            + "<foreach collection='seqs' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + " AND EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.webhook_id = d.webhook_id"
            + " AND e.record_key = d.record_key AND e.seq &lt; d.seq AND e.status IN " + OPEN + ")</script>")
    List<Long> heldBack(@Param("seqs") List<Long> seqs);

    /**
     * Takes the leases nobody holds a live one of: the conditional UPDATE is the claim on every database. On
     * MariaDB the rows are found by primary key only: through the due index InnoDB would also lock rows that
     * record writes are inserting right now, while those inserts wait for the gap the claim's SELECT locked
     * (a deadlock that a record write loses).
     */
    @Update("<script>UPDATE webhook_deliveries<if test='_databaseId == \"mysql\"'> FORCE INDEX (PRIMARY)</if>"
            + " SET lease_owner = #{owner}, lease_until = #{until} WHERE seq IN"
            + "<foreach collection='seqs' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + " AND status IN " + OPEN + " AND (lease_until IS NULL OR lease_until &lt; #{now})</script>")
    int lease(@Param("seqs") List<Long> seqs, @Param("owner") String owner, @Param("until") long until,
            @Param("now") long now);

    /** Which of the given deliveries this instance holds the lease of (only read when a lease was not taken). */
    @Select("<script>SELECT seq FROM webhook_deliveries WHERE lease_owner = #{owner} AND lease_until = #{until} AND seq IN"
            + "<foreach collection='seqs' item='s' open='(' separator=',' close=')'>#{s}</foreach></script>")
    List<Long> leased(@Param("seqs") List<Long> seqs, @Param("owner") String owner, @Param("until") long until);

    @Select("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE seq = #{seq}")
    DeliveryRow bySeq(@Param("seq") long seq);

    /** Records an attempt's outcome, only while this instance still holds the lease. */
    @Update("UPDATE webhook_deliveries SET status = #{row.status}, attempt_number = #{row.attemptNumber},"
            + " next_attempt_at = #{row.nextAttemptAt}, lease_owner = NULL, lease_until = NULL,"
            + " response_status = #{row.responseStatus}, response_body = #{row.responseBody}, error = #{row.error},"
            + " duration_ms = #{row.durationMs}, delivered_at = #{row.deliveredAt}, updated_at = #{row.updatedAt}"
            + " WHERE seq = #{row.seq} AND lease_owner = #{owner}")
    int finish(@Param("row") DeliveryRow row, @Param("owner") String owner);

    /**
     * Records several deliveries as delivered in one statement, only while this instance still holds every lease:
     * the caller compares the count with the number of rows and falls back to {@link #finish} row by row when one
     * was lost. Their attempt numbers stay; the response fields come from each row.
     */
    @Update("<script>UPDATE webhook_deliveries SET status = 'delivered', next_attempt_at = NULL, lease_owner = NULL,"
            + " lease_until = NULL, error = NULL, delivered_at = #{now}, updated_at = #{now},"
            + " response_status = CASE seq<foreach collection='rows' item='r'> WHEN #{r.seq} THEN #{r.responseStatus}</foreach> END,"
            + " response_body = CASE seq<foreach collection='rows' item='r'> WHEN #{r.seq} THEN #{r.responseBody}</foreach> END,"
            + " duration_ms = CASE seq<foreach collection='rows' item='r'> WHEN #{r.seq} THEN #{r.durationMs}</foreach> END"
            + " WHERE seq IN<foreach collection='rows' item='r' open='(' separator=',' close=')'>#{r.seq}</foreach>"
            + " AND lease_owner = #{owner}</script>")
    int finishDelivered(@Param("rows") List<DeliveryRow> rows, @Param("owner") String owner, @Param("now") long now);

    /** Several attempt rows in one multi-row INSERT (every supported database has the syntax). */
    @Insert("<script>INSERT INTO webhook_delivery_attempts (delivery_seq, attempt_number, response_status, response_body,"
            + " error, duration_ms, attempted_at) VALUES<foreach collection='rows' item='a' separator=','> (#{a.deliverySeq},"
            + " #{a.attemptNumber}, #{a.responseStatus}, #{a.responseBody}, #{a.error}, #{a.durationMs}, #{a.attemptedAt})"
            + "</foreach></script>")
    int insertAttempts(@Param("rows") List<AttemptRow> rows);

    @Select("SELECT delivery_seq, attempt_number, response_status, response_body, error, duration_ms, attempted_at"
            + " FROM webhook_delivery_attempts WHERE delivery_seq = #{seq} ORDER BY attempt_number")
    List<AttemptRow> attempts(@Param("seq") long seq);

    @Select("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE account_id = #{accountId} AND webhook_id = #{webhookId}"
            + " ORDER BY created_at DESC, seq DESC LIMIT #{limit} OFFSET #{offset}")
    List<DeliveryRow> page(@Param("accountId") String accountId, @Param("webhookId") String webhookId,
            @Param("limit") int limit, @Param("offset") int offset);

    @Select("SELECT COUNT(*) FROM webhook_deliveries WHERE account_id = #{accountId} AND webhook_id = #{webhookId}")
    long count(@Param("accountId") String accountId, @Param("webhookId") String webhookId);

    @Select("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE account_id = #{accountId}"
            + " AND webhook_id = #{webhookId} AND id = #{id}")
    DeliveryRow find(@Param("accountId") String accountId, @Param("webhookId") String webhookId, @Param("id") String id);

    /**
     * Manual redelivery: the same row (same payload, same id) is due now; a closed one (delivered or failed) as
     * a new attempt number. A delivery in flight (leased) is left alone, so that one attempt is never sent twice.
     * attempt_number is assigned before status because MySQL evaluates SET left to right with new values.
     */
    @Update("UPDATE webhook_deliveries SET attempt_number = CASE WHEN status IN ('delivered', 'failed')"
            + " THEN attempt_number + 1 ELSE attempt_number END, status = CASE WHEN status IN ('delivered', 'failed')"
            + " THEN 'pending' ELSE status END, next_attempt_at = #{now}, updated_at = #{now} WHERE seq = #{seq}"
            + " AND (lease_until IS NULL OR lease_until < #{now})")
    int redeliver(@Param("seq") long seq, @Param("now") long now);

    @Delete("DELETE FROM webhook_delivery_attempts WHERE delivery_seq IN"
            + " (SELECT seq FROM webhook_deliveries WHERE webhook_id = #{webhookId})")
    int deleteAttempts(@Param("webhookId") String webhookId);

    @Delete("DELETE FROM webhook_deliveries WHERE webhook_id = #{webhookId}")
    int deleteAll(@Param("webhookId") String webhookId);

    /** The soonest time a delivery becomes due, so that the worker can sleep until then. */
    @Select("SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status IN " + OPEN)
    Long nextDue();
}
