-- Export manifests (docs/decisions/007-pdf-reports.md): who asked for which file as of which day, and once done
-- the file's SHA-256, size and row count, the audit-log head it reflects and the model revision it scored with.
-- The files themselves live in DATA_DIR/exports/<id>.<format>, written once and made read-only.

CREATE TABLE exports (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('register', 'audit-log')),
  format         TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'json', 'pdf')),
  as_of          TEXT NOT NULL,
  filters        TEXT CHECK (filters IS NULL OR json_valid(filters)),
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  finished_at    TEXT,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
  rows           INTEGER CHECK (rows IS NULL OR rows >= 0),
  bytes          INTEGER CHECK (bytes IS NULL OR bytes >= 0),
  sha256         TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  audit_head     TEXT NOT NULL,
  audit_seq      INTEGER NOT NULL CHECK (audit_seq >= 0),
  model_version  TEXT NOT NULL,
  model_revision INTEGER,
  filename       TEXT NOT NULL,
  error          TEXT,
  CHECK (status <> 'done' OR (sha256 IS NOT NULL AND bytes IS NOT NULL AND rows IS NOT NULL))
) STRICT;
CREATE INDEX exports_by_created ON exports (created_at, id);

-- A finished export is a record for auditors: its manifest never changes and it is never deleted.
CREATE TRIGGER exports_finished_immutable BEFORE UPDATE ON exports WHEN OLD.status IN ('done', 'failed')
BEGIN SELECT RAISE(ABORT, 'a finished export is immutable'); END;
CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports
BEGIN SELECT RAISE(ABORT, 'exports are never deleted'); END;
