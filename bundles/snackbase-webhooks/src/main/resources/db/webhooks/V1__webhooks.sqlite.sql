-- Outbound webhooks (webhooks.md). Times are epoch milliseconds (UTC).
-- events is a comma-separated subset of create,update,delete; headers is a JSON object or null.
-- previous_secret signs alongside secret until previous_secret_until (rotation overlap).
-- failing_since is set at the first failed attempt after a success; the worker disables the webhook
-- (enabled = false, disabled_reason) when it stays failing for the configured time.
CREATE TABLE webhooks (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL,
  url VARCHAR(2048) NOT NULL,
  collection VARCHAR(100) NOT NULL,
  events VARCHAR(40) NOT NULL,
  secret VARCHAR(100) NOT NULL,
  previous_secret VARCHAR(100),
  previous_secret_until BIGINT,
  filter_expression TEXT,
  headers TEXT,
  enabled INTEGER NOT NULL,
  disabled_reason TEXT,
  failing_since BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  created_by VARCHAR(36)
);
CREATE INDEX webhooks_account_collection ON webhooks (account_id, collection);
-- The transactional outbox and the delivery history in one table: a row is written in the record
-- write's transaction and claimed by a worker with a lease (lease_owner, lease_until), so that several
-- instances never send the same attempt and a crashed instance's claims come back when the lease ends.
-- seq orders the deliveries of one webhook for one record (record_key) in commit order.
CREATE TABLE webhook_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id VARCHAR(36) NOT NULL UNIQUE,
  webhook_id VARCHAR(36) NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  account_id VARCHAR(36) NOT NULL,
  event VARCHAR(40) NOT NULL,
  collection VARCHAR(100) NOT NULL,
  record_key VARCHAR(300) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(10) NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
  attempt_number INTEGER NOT NULL,
  next_attempt_at BIGINT,
  lease_owner VARCHAR(64),
  lease_until BIGINT,
  response_status INTEGER,
  response_body TEXT,
  error TEXT,
  duration_ms BIGINT,
  delivered_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (webhook_id, record_key, seq);
-- One row per attempt: what the receiver answered (body cut to 5,000 characters) and how long it took.
CREATE TABLE webhook_delivery_attempts (
  delivery_seq BIGINT NOT NULL REFERENCES webhook_deliveries (seq) ON DELETE CASCADE,
  attempt_number INTEGER NOT NULL,
  response_status INTEGER,
  response_body TEXT,
  error TEXT,
  duration_ms BIGINT NOT NULL,
  attempted_at BIGINT NOT NULL,
  PRIMARY KEY (delivery_seq, attempt_number)
);
