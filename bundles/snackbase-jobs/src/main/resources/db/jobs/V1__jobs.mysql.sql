-- The durable job queue (domain.md 6.5, jobs.md). Times are epoch milliseconds (UTC). seq gives the
-- enqueue order (ties of priority, and the order of jobs sharing an ordering_key); id is the public id.
CREATE TABLE jobs (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  id VARCHAR(36) NOT NULL UNIQUE,
  queue VARCHAR(100) NOT NULL,
  topic VARCHAR(100) NOT NULL,
  account_id VARCHAR(36),
  payload MEDIUMTEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'retrying', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_retries INTEGER NOT NULL,
  retry_delay_seconds INTEGER NOT NULL,
  run_at BIGINT NOT NULL,
  locked_by VARCHAR(100),
  locked_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  completed_at BIGINT,
  failed_at BIGINT,
  ordering_key VARCHAR(255),
  created_by VARCHAR(36)
) ENGINE=InnoDB;
-- The claim query: waiting jobs, due first by priority then age (MariaDB has no partial indexes).
CREATE INDEX jobs_claimable ON jobs (status, priority, seq);
-- The ordering check: earlier unfinished jobs of the same key.
CREATE INDEX jobs_ordering ON jobs (ordering_key, seq);
-- Lease recovery and renewal.
CREATE INDEX jobs_running ON jobs (status, locked_until);
-- Admin filters (newest first is seq DESC) and the retention purge.
CREATE INDEX jobs_status ON jobs (status, completed_at);
CREATE INDEX jobs_queue ON jobs (queue, seq);
CREATE INDEX jobs_topic ON jobs (topic, seq);
