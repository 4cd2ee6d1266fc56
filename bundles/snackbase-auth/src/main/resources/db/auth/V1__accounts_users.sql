-- Tenants, global roles, users, groups. Timestamps are epoch milliseconds (BIGINT) on every
-- database, so that comparisons and ordering behave the same on SQLite, PostgreSQL and MariaDB.
CREATE TABLE accounts (
  id VARCHAR(36) PRIMARY KEY,
  account_code VARCHAR(6) NOT NULL,
  slug VARCHAR(32) NOT NULL,
  name VARCHAR(255) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_accounts_code UNIQUE (account_code),
  CONSTRAINT uq_accounts_slug UNIQUE (slug)
);

INSERT INTO accounts (id, account_code, slug, name, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000000', 'SY0000', 'system', 'SnackBase System', 0, 0);

-- Roles are global; ids are small integers assigned by the application (max + 1 under the
-- primary key), which needs no dialect-specific auto-increment.
CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  description VARCHAR(500),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_roles_name UNIQUE (name)
);

INSERT INTO roles (id, name, description, created_at, updated_at) VALUES (1, 'admin', 'Administrator', 0, 0);
INSERT INTO roles (id, name, description, created_at, updated_at) VALUES (2, 'user', 'Regular user', 0, 0);

-- A user is the pair (account, email): the same address may hold independent users in several
-- accounts. Emails are stored lower-cased, so the unique key is case-insensitive.
CREATE TABLE users (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL,
  email VARCHAR(255) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  role_id INTEGER NOT NULL,
  is_active BOOLEAN NOT NULL,
  email_verified BOOLEAN NOT NULL,
  email_verified_at BIGINT,
  auth_provider VARCHAR(20) NOT NULL,
  auth_provider_name VARCHAR(100),
  external_id VARCHAR(255),
  external_email VARCHAR(255),
  profile_data TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  last_login BIGINT,
  CONSTRAINT uq_users_account_email UNIQUE (account_id, email),
  CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
  CONSTRAINT fk_users_role FOREIGN KEY (role_id) REFERENCES roles (id)
);

CREATE INDEX ix_users_email ON users (email);

-- "groups" is a reserved word in MySQL 8, hence user_groups.
CREATE TABLE user_groups (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL,
  name VARCHAR(100) NOT NULL,
  description VARCHAR(500),
  is_system BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_user_groups_name UNIQUE (account_id, name),
  CONSTRAINT fk_user_groups_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE group_members (
  group_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (group_id, user_id),
  CONSTRAINT fk_group_members_group FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE,
  CONSTRAINT fk_group_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_group_members_user ON group_members (user_id);
