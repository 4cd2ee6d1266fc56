-- API-key scopes and account binding (SQLite and PostgreSQL; MariaDB has its own twin).
-- scopes: space-separated scope names, '' for none (every key issued before this version).
-- account_id: set = an account-bound service key acting in that account; NULL = a key acting as
-- its superadmin owner. The key goes with its account (CASCADE): a key that outlived its account
-- must never fall back to acting as a superadmin.
ALTER TABLE api_keys ADD COLUMN scopes VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE api_keys ADD COLUMN account_id VARCHAR(36) REFERENCES accounts (id) ON DELETE CASCADE;
CREATE INDEX ix_api_keys_account ON api_keys (account_id);
