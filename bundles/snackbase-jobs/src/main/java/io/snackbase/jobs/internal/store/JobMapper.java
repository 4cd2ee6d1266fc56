package io.snackbase.jobs.internal.store;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of {@code jobs}. Every change of a running job names its owner ({@code locked_by}) and
 * status, so that a worker that lost its lease (the job was recovered and maybe claimed again)
 * changes nothing.
 */
public interface JobMapper {

    String COLUMNS = "seq, id, queue, topic, account_id, payload, priority, status, attempts, max_retries,"
            + " retry_delay_seconds, run_at, locked_by, locked_until, last_error, created_at, started_at, completed_at,"
            + " failed_at, ordering_key, created_by";

    String WAITING = "('pending', 'retrying')";

    String IN_SEQS = "<foreach collection='seqs' item='s' open='(' separator=',' close=')'>#{s}</foreach>";

    String FILTERS = "<where>"
            + "<if test='status != null'> AND status = #{status}</if>"
            + "<if test='queue != null'> AND queue = #{queue}</if>"
            + "<if test='topic != null'> AND topic = #{topic}</if>"
            + "</where>";

    @Insert("INSERT INTO jobs (id, queue, topic, account_id, payload, priority, status, attempts, max_retries,"
            + " retry_delay_seconds, run_at, created_at, ordering_key, created_by) VALUES (#{id}, #{queue}, #{topic},"
            + " #{accountId}, #{payload}, #{priority}, #{status}, #{attempts}, #{maxRetries}, #{retryDelaySeconds},"
            + " #{runAt}, #{createdAt}, #{orderingKey}, #{createdBy})")
    int insert(JobRow row);

    /**
     * The due jobs this instance can run, best first, locked until the transaction ends; rows
     * another claimer holds are skipped (PostgreSQL, MariaDB). On SQLite the claim transaction
     * holds the database's write lock instead. A job with an ordering key is due only while no
     * earlier job of its key is waiting or running.
     */
    @Select("<script>SELECT j.seq FROM jobs j WHERE j.status IN " + WAITING + " AND j.run_at &lt;= #{now}"
            + " AND j.topic IN <foreach collection='topics' item='t' open='(' separator=',' close=')'>#{t}</foreach>"
            + "<if test='queues != null and !queues.isEmpty()'> AND j.queue IN"
            + " <foreach collection='queues' item='q' open='(' separator=',' close=')'>#{q}</foreach></if>"
            + " AND (j.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM jobs e WHERE e.ordering_key = j.ordering_key"
            + " AND e.seq &lt; j.seq AND e.status IN ('pending', 'retrying', 'running')))"
            + " ORDER BY j.priority, j.seq LIMIT #{limit}"
            + "<if test='_databaseId != \"sqlite\"'> FOR UPDATE SKIP LOCKED</if></script>")
    List<Long> claimable(@Param("now") long now, @Param("topics") Collection<String> topics,
            @Param("queues") List<String> queues, @Param("limit") int limit);

    @Update("<script>UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = #{owner},"
            + " locked_until = #{until}, started_at = #{now}, completed_at = NULL"
            + " WHERE seq IN " + IN_SEQS + " AND status IN " + WAITING + "</script>")
    int claim(@Param("seqs") List<Long> seqs, @Param("owner") String owner, @Param("now") long now,
            @Param("until") long until);

    @Select("<script>SELECT " + COLUMNS + " FROM jobs WHERE seq IN " + IN_SEQS + " AND status = 'running'"
            + " AND locked_by = #{owner} ORDER BY priority, seq</script>")
    List<JobRow> claimed(@Param("seqs") List<Long> seqs, @Param("owner") String owner);

    @Update("UPDATE jobs SET status = 'completed', completed_at = #{now}, locked_by = NULL, locked_until = NULL,"
            + " last_error = NULL WHERE seq = #{seq} AND status = 'running' AND locked_by = #{owner}")
    int complete(@Param("seq") long seq, @Param("owner") String owner, @Param("now") long now);

    /** A failed attempt: {@code retrying} at {@code runAt}, or {@code dead}. */
    @Update("UPDATE jobs SET status = #{status}, run_at = #{runAt}, failed_at = #{now}, last_error = #{error},"
            + " locked_by = NULL, locked_until = NULL WHERE seq = #{seq} AND status = 'running' AND locked_by = #{owner}")
    int fail(@Param("seq") long seq, @Param("owner") String owner, @Param("status") String status,
            @Param("runAt") long runAt, @Param("now") long now, @Param("error") String error);

    /** Running jobs whose lease ran out (their worker died or hangs), locked for recovery. */
    @Select("<script>SELECT " + COLUMNS + " FROM jobs WHERE status = 'running' AND locked_until &lt; #{now}"
            + " ORDER BY seq LIMIT #{limit}<if test='_databaseId != \"sqlite\"'> FOR UPDATE SKIP LOCKED</if></script>")
    List<JobRow> expired(@Param("now") long now, @Param("limit") int limit);

    @Update("UPDATE jobs SET locked_until = #{until} WHERE status = 'running' AND locked_by = #{owner}")
    int renew(@Param("owner") String owner, @Param("until") long until);

    /**
     * Puts running jobs of this owner back to waiting, their attempt not counted: one job (seq) whose
     * handler went away between claim and run, or all of them (seq null) on shutdown.
     */
    @Update("<script>UPDATE jobs SET status = 'pending', attempts = attempts - 1, locked_by = NULL, locked_until = NULL,"
            + " started_at = NULL WHERE status = 'running' AND locked_by = #{owner}"
            + "<if test='seq != null'> AND seq = #{seq}</if></script>")
    int release(@Param("owner") String owner, @Param("seq") Long seq);

    @Delete("DELETE FROM jobs WHERE status = 'completed' AND completed_at < #{before}")
    int purge(@Param("before") long before);

    @Select("SELECT " + COLUMNS + " FROM jobs WHERE id = #{id}")
    JobRow findById(@Param("id") String id);

    @Select("<script>SELECT " + COLUMNS + " FROM jobs " + FILTERS + " ORDER BY seq DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<JobRow> list(JobFilter filter);

    @Select("<script>SELECT COUNT(*) FROM jobs " + FILTERS + "</script>")
    long count(JobFilter filter);

    @Select("SELECT status, COUNT(*) AS total FROM jobs GROUP BY status")
    List<StatusCount> countByStatus();

    /** Mean run time of completed jobs in milliseconds, or null when there is none. */
    @Select("SELECT AVG(completed_at - started_at) FROM jobs WHERE status = 'completed' AND started_at IS NOT NULL")
    Double averageDurationMillis();

    /** Admin retry: back to pending from scratch; only from dead, failed or retrying. */
    @Update("UPDATE jobs SET status = 'pending', attempts = 0, last_error = NULL, run_at = #{now}, started_at = NULL,"
            + " completed_at = NULL, failed_at = NULL WHERE id = #{id} AND status IN ('dead', 'failed', 'retrying')")
    int retry(@Param("id") String id, @Param("now") long now);

    /** Admin cancel: only a pending job. */
    @Delete("DELETE FROM jobs WHERE id = #{id} AND status = 'pending'")
    int cancel(@Param("id") String id);
}
