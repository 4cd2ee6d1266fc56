-- Collection definitions and their access rules. Times are epoch milliseconds (BIGINT) as in the
-- auth schema. Nothing here references the auth tables: the per-collection tables (which do
-- reference accounts) are created at request time, when both schemas are applied, so the order in
-- which the storage extender migrates the two bundles does not matter.
CREATE TABLE collections (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  name_key VARCHAR(64) NOT NULL,
  table_name VARCHAR(64) NOT NULL,
  schema_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_collections_name_key UNIQUE (name_key),
  CONSTRAINT uq_collections_table UNIQUE (table_name)
);

-- One row per collection. A null rule is locked (superadmins only), '' is public.
CREATE TABLE collection_rules (
  id VARCHAR(36) PRIMARY KEY,
  collection_id VARCHAR(36) NOT NULL,
  list_rule TEXT,
  view_rule TEXT,
  create_rule TEXT,
  update_rule TEXT,
  delete_rule TEXT,
  list_fields TEXT NOT NULL DEFAULT '*',
  view_fields TEXT NOT NULL DEFAULT '*',
  create_fields TEXT NOT NULL DEFAULT '*',
  update_fields TEXT NOT NULL DEFAULT '*',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_collection_rules_collection UNIQUE (collection_id),
  CONSTRAINT fk_collection_rules_collection FOREIGN KEY (collection_id) REFERENCES collections (id) ON DELETE CASCADE
);
