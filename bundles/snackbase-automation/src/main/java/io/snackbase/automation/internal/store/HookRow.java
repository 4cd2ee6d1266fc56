package io.snackbase.automation.internal.store;

/** One row of {@code api_hooks}; JSON columns are kept as text. MyBatis fills the public fields. */
public class HookRow {
    public String id;
    public String accountId;
    public String name;
    public String description;
    public String triggerType;
    public String triggerEvent;
    public String triggerCollection;
    public String cron;
    public String triggerJson;
    public String conditionExpr;
    public String actionsJson;
    public Boolean enabled;
    public Long lastRunAt;
    public Long nextRunAt;
    public Long createdAt;
    public Long updatedAt;
    public String createdBy;

    /** @return true for an enabled hook (SQLite hands booleans back as integers, mapped here to Boolean) */
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
