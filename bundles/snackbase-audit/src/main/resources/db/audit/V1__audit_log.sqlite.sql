-- The audit log (domain.md 4.1). Times are epoch microseconds (UTC). Ids are assigned from the
-- chain head, so that they stay contiguous when a writing transaction rolls back; the column is
-- still auto-increment for anything that inserts without one (which verification then reports).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id VARCHAR(36),
  operation VARCHAR(10) NOT NULL CHECK (operation IN ('CREATE', 'UPDATE', 'DELETE')),
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
  checksum CHAR(64) NOT NULL,
  previous_hash CHAR(64),
  extra_metadata TEXT
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX audit_log_table_record ON audit_log (table_name, record_id);
CREATE INDEX audit_log_record_id ON audit_log (record_id);
CREATE INDEX audit_log_user_id ON audit_log (user_id);
CREATE INDEX audit_log_account_id ON audit_log (account_id, occurred_at);
-- One row, locked by every append until its transaction ends: the id and checksum of the last
-- entry, so that appends from any number of threads and instances form one chain without forks.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY,
  last_id BIGINT NOT NULL,
  last_checksum CHAR(64)
);
INSERT INTO audit_chain_head (id, last_id, last_checksum) VALUES (1, 0, NULL);
CREATE TRIGGER prevent_audit_log_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'Audit log entries are immutable and cannot be updated');
END;
CREATE TRIGGER prevent_audit_log_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'Audit log entries are immutable and cannot be deleted');
END;
