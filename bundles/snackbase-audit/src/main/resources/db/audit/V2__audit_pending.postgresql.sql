-- The audit outbox: one row per audited write (one recordChange call), inserted in the write's own
-- transaction without touching the chain head (so writers never queue on one lock), and moved into
-- audit_log by the chain sealer (ChainSealer), which expands it into one entry per column, numbers
-- and links them under the head lock and deletes the row in the same transaction. The columns the
-- write's entries share, as in audit_log; `changes` holds the per-column part, a JSON array of
-- [column_name, old_value, new_value] in column order. This id only orders the pending writes.
CREATE TABLE audit_pending (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id VARCHAR(36),
  operation VARCHAR(10) NOT NULL,
  table_name VARCHAR(255) NOT NULL,
  record_id VARCHAR(255) NOT NULL,
  user_id VARCHAR(36),
  user_email VARCHAR(255),
  user_name VARCHAR(255),
  es_username VARCHAR(255),
  es_reason TEXT,
  es_timestamp BIGINT,
  ip_address VARCHAR(45),
  user_agent VARCHAR(500),
  request_id VARCHAR(36),
  occurred_at BIGINT NOT NULL,
  extra_metadata TEXT,
  changes TEXT NOT NULL
);
