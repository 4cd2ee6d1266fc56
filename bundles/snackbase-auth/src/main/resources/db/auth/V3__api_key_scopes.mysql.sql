-- API-key scopes and account binding (MariaDB/MySQL twin: a column-level REFERENCES is ignored
-- there, so the foreign key is a table constraint, which also creates its index).
-- scopes: space-separated scope names, '' for none (every key issued before this version).
-- account_id: set = an account-bound service key acting in that account; NULL = a key acting as
-- its superadmin owner. The key goes with its account (CASCADE): a key that outlived its account
-- must never fall back to acting as a superadmin.
ALTER TABLE api_keys ADD COLUMN scopes VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE api_keys ADD COLUMN account_id VARCHAR(36) NULL;
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
