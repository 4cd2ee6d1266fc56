-- Refresh tokens: only the SHA-256 of each token is kept. A family is one login's chain of
-- rotations; presenting a rotated (revoked) token again revokes the whole family.
CREATE TABLE refresh_tokens (
  id VARCHAR(36) PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  family_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  account_id VARCHAR(36) NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash),
  CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

-- Token ids (access-token jti, API-key token_id) that must no longer authenticate.
CREATE TABLE revoked_tokens (
  token_id VARCHAR(64) PRIMARY KEY,
  revoked_at BIGINT NOT NULL,
  expires_at BIGINT
);

CREATE TABLE api_keys (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  key_hash VARCHAR(64) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  expires_at BIGINT,
  last_used_at BIGINT,
  is_active BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_api_keys_hash UNIQUE (key_hash),
  CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_api_keys_user ON api_keys (user_id);

-- Single-use email-verification and password-reset tokens (SHA-256 kept, not the token).
CREATE TABLE email_tokens (
  id VARCHAR(36) PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  purpose VARCHAR(20) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  email VARCHAR(255) NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL,
  CONSTRAINT uq_email_tokens_hash UNIQUE (token_hash),
  CONSTRAINT fk_email_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_email_tokens_user ON email_tokens (user_id, purpose);

CREATE TABLE invitations (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL,
  email VARCHAR(255) NOT NULL,
  token VARCHAR(64) NOT NULL,
  invited_by VARCHAR(36),
  role_id INTEGER,
  group_ids TEXT,
  expires_at BIGINT NOT NULL,
  accepted_at BIGINT,
  cancelled_at BIGINT,
  email_sent BOOLEAN NOT NULL,
  email_sent_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_invitations_token UNIQUE (token),
  CONSTRAINT fk_invitations_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE INDEX ix_invitations_account ON invitations (account_id, email);

-- Failed-login counters shared by every instance: one row per key ("acct:<account>:<email>" or
-- "ip:<address>"), a fixed window and a lock-out deadline.
CREATE TABLE login_throttle (
  throttle_key VARCHAR(320) PRIMARY KEY,
  window_start BIGINT NOT NULL,
  failures INTEGER NOT NULL,
  locked_until BIGINT
);
