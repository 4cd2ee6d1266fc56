package io.snackbase.automation.internal.store;

/** One row of {@code api_hook_executions}. MyBatis fills the public fields. */
public class ExecutionRow {
    public String id;
    public String hookId;
    public String accountId;
    public String jobId;
    public String triggerType;
    public String status;
    public Integer actionsExecuted;
    public String errorMessage;
    public Long durationMs;
    public String executionContext;
    public Long executedAt;
}
