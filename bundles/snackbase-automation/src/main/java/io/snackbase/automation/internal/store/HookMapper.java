package io.snackbase.automation.internal.store;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of {@code api_hooks} and {@code api_hook_executions}. Every statement a request reaches is
 * scoped by {@code account_id}, so another account's id finds nothing (404). Values are bound
 * parameters; the only text that varies is chosen by {@code <if>}, never taken from input.
 */
public interface HookMapper {

    String COLUMNS = "id, account_id, name, description, trigger_type, trigger_event, trigger_collection, cron, trigger_json,"
            + " condition_expr, actions_json, enabled, last_run_at, next_run_at, created_at, updated_at, created_by";
    String EXECUTION_COLUMNS = "id, hook_id, account_id, job_id, trigger_type, status, actions_executed, error_message,"
            + " duration_ms, execution_context, executed_at";
    String LIST_FILTER = "<where> account_id = #{accountId}"
            + "<if test='triggerType != null'> AND trigger_type = #{triggerType}</if>"
            + "<if test='enabled != null'> AND enabled = #{enabled}</if></where>";

    @Insert("INSERT INTO api_hooks (" + COLUMNS + ") VALUES (#{id}, #{accountId}, #{name}, #{description}, #{triggerType},"
            + " #{triggerEvent}, #{triggerCollection}, #{cron}, #{triggerJson}, #{conditionExpr}, #{actionsJson}, #{enabled},"
            + " #{lastRunAt}, #{nextRunAt}, #{createdAt}, #{updatedAt}, #{createdBy})")
    int insert(HookRow row);

    @Update("UPDATE api_hooks SET name = #{name}, description = #{description}, trigger_type = #{triggerType},"
            + " trigger_event = #{triggerEvent}, trigger_collection = #{triggerCollection}, cron = #{cron},"
            + " trigger_json = #{triggerJson}, condition_expr = #{conditionExpr}, actions_json = #{actionsJson},"
            + " enabled = #{enabled}, next_run_at = #{nextRunAt}, updated_at = #{updatedAt}"
            + " WHERE id = #{id} AND account_id = #{accountId}")
    int update(HookRow row);

    @Select("SELECT " + COLUMNS + " FROM api_hooks WHERE id = #{id} AND account_id = #{accountId}")
    HookRow find(@Param("accountId") String accountId, @Param("id") String id);

    /** For job runs, whose account comes with the job: the caller compares it with the row's. */
    @Select("SELECT " + COLUMNS + " FROM api_hooks WHERE id = #{id}")
    HookRow findById(@Param("id") String id);

    @Select("<script>SELECT " + COLUMNS + " FROM api_hooks " + LIST_FILTER
            + " ORDER BY created_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<HookRow> list(@Param("accountId") String accountId, @Param("triggerType") String triggerType,
            @Param("enabled") Boolean enabled, @Param("limit") int limit, @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM api_hooks " + LIST_FILTER + "</script>")
    long count(@Param("accountId") String accountId, @Param("triggerType") String triggerType, @Param("enabled") Boolean enabled);

    /** The enabled event hooks a write or an auth event of an account triggers. */
    @Select("SELECT id, trigger_collection FROM api_hooks WHERE account_id = #{accountId} AND trigger_event = #{event}"
            + " AND enabled = TRUE AND trigger_type = 'event'")
    List<HookRow> eventHooks(@Param("accountId") String accountId, @Param("event") String event);

    @Delete("DELETE FROM api_hooks WHERE id = #{id} AND account_id = #{accountId}")
    int delete(@Param("accountId") String accountId, @Param("id") String id);

    @Update("UPDATE api_hooks SET last_run_at = #{lastRunAt}, next_run_at = #{nextRunAt} WHERE id = #{id}")
    int ran(@Param("id") String id, @Param("lastRunAt") long lastRunAt, @Param("nextRunAt") Long nextRunAt);

    @Update("UPDATE api_hooks SET last_run_at = #{lastRunAt} WHERE id = #{id}")
    int touched(@Param("id") String id, @Param("lastRunAt") long lastRunAt);

    @Insert("INSERT INTO api_hook_executions (" + EXECUTION_COLUMNS + ") VALUES (#{id}, #{hookId}, #{accountId}, #{jobId},"
            + " #{triggerType}, #{status}, #{actionsExecuted}, #{errorMessage}, #{durationMs}, #{executionContext}, #{executedAt})")
    int insertExecution(ExecutionRow row);

    @Select("SELECT COUNT(*) FROM api_hook_executions WHERE job_id = #{jobId}")
    int executionsOfJob(@Param("jobId") String jobId);

    @Select("SELECT " + EXECUTION_COLUMNS + " FROM api_hook_executions WHERE hook_id = #{hookId} AND account_id = #{accountId}"
            + " ORDER BY executed_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}")
    List<ExecutionRow> executions(@Param("accountId") String accountId, @Param("hookId") String hookId,
            @Param("limit") int limit, @Param("offset") int offset);

    @Select("SELECT COUNT(*) FROM api_hook_executions WHERE hook_id = #{hookId} AND account_id = #{accountId}")
    long countExecutions(@Param("accountId") String accountId, @Param("hookId") String hookId);
}
