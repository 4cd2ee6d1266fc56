-- The audit outbox: a write's entries, inserted in the write's own transaction without touching the
-- chain head (so writers never queue on one lock), and moved into audit_log by the chain sealer
-- (ChainSealer), which numbers and links them under the head lock and deletes them in the same
-- transaction. Same columns as audit_log without id, checksum and previous_hash; the chain's
-- numbering is assigned at sealing, this id only orders the pending rows (and a call's columns).
CREATE TABLE audit_pending (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id VARCHAR(36),
  operation VARCHAR(10) NOT NULL,
  table_name VARCHAR(255) NOT NULL,
  record_id VARCHAR(255) NOT NULL,
  column_name VARCHAR(255) NOT NULL,
  old_value TEXT,
  new_value TEXT,
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
  extra_metadata TEXT
);
