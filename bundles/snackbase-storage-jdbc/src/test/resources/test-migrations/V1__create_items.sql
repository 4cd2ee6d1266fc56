-- The table the storage tests use.
CREATE TABLE sb_test_items (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  quantity BIGINT
);
CREATE INDEX sb_test_items_name ON sb_test_items (name);
