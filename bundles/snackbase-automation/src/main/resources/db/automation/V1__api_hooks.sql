-- API-defined hooks (domain.md 6.1) and their execution log. Portable SQL for SQLite, PostgreSQL and
-- MariaDB; times are epoch milliseconds. The trigger is stored as sent (trigger_json) and, for the
-- lookups of the write path and the list filter, split into trigger_type / trigger_event /
-- trigger_collection. "trigger" and "condition" are reserved words on MariaDB, hence the suffixes.
CREATE TABLE api_hooks (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name VARCHAR(200) NOT NULL,
  description TEXT,
  trigger_type VARCHAR(10) NOT NULL CHECK (trigger_type IN ('schedule', 'event', 'manual')),
  trigger_event VARCHAR(40),
  trigger_collection VARCHAR(100),
  cron VARCHAR(200),
  trigger_json TEXT NOT NULL,
  condition_expr TEXT,
  actions_json TEXT NOT NULL,
  enabled BOOLEAN NOT NULL,
  last_run_at BIGINT,
  next_run_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  created_by VARCHAR(36)
);
-- Every record write looks up the enabled event hooks of its account and event.
CREATE INDEX api_hooks_account_event ON api_hooks (account_id, trigger_event, enabled);
CREATE INDEX api_hooks_account_created ON api_hooks (account_id, created_at);

-- One row per run. job_id is the job that ran it (null for inline runs): a job delivered twice
-- finds its row and does not run again.
CREATE TABLE api_hook_executions (
  id VARCHAR(36) PRIMARY KEY,
  hook_id VARCHAR(36) NOT NULL REFERENCES api_hooks (id) ON DELETE CASCADE,
  account_id VARCHAR(36) NOT NULL,
  job_id VARCHAR(36),
  trigger_type VARCHAR(10) NOT NULL,
  status VARCHAR(10) NOT NULL CHECK (status IN ('success', 'partial', 'failed')),
  actions_executed INTEGER NOT NULL,
  error_message TEXT,
  duration_ms BIGINT,
  execution_context TEXT,
  executed_at BIGINT NOT NULL,
  CONSTRAINT uq_api_hook_executions_job UNIQUE (job_id)
);
CREATE INDEX api_hook_executions_hook ON api_hook_executions (hook_id, executed_at);
