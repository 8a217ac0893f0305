-- Users, sessions, vendors, reviews, risk acceptance, score history, the scoring model and the audit log.
-- Vendors are stored as one JSON document each (the `Vendor` aggregate with its incidents), with the columns that
-- constraints and lookups need beside it; see docs/decisions/003-storage.md.

CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'procurement', 'ciso', 'auditor')),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id_hash    TEXT PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (username);

CREATE TABLE vendors (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  status     TEXT NOT NULL CHECK (status IN ('active', 'onboarding', 'offboarded')),
  doc        TEXT NOT NULL CHECK (json_valid(doc)),
  version    INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE reviews (
  id           INTEGER PRIMARY KEY,
  vendor_id    TEXT NOT NULL REFERENCES vendors (id),
  completed_at TEXT NOT NULL,
  notes        TEXT NOT NULL,
  reviewer     TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX reviews_by_vendor ON reviews (vendor_id, completed_at);

CREATE TABLE risk_acceptances (
  vendor_id   TEXT PRIMARY KEY REFERENCES vendors (id),
  note        TEXT NOT NULL,
  until       TEXT NOT NULL,
  accepted_by TEXT NOT NULL,
  accepted_at TEXT NOT NULL
) STRICT;

CREATE TABLE score_snapshots (
  id            INTEGER PRIMARY KEY,
  vendor_id     TEXT NOT NULL REFERENCES vendors (id),
  recorded_at   TEXT NOT NULL,
  as_of         TEXT NOT NULL,
  score         REAL NOT NULL,
  tier          TEXT NOT NULL,
  exposure      REAL NOT NULL,
  likelihood    REAL NOT NULL,
  model_version TEXT NOT NULL,
  reason        TEXT NOT NULL
) STRICT;
CREATE INDEX score_snapshots_by_vendor ON score_snapshots (vendor_id, id);

CREATE TABLE scoring_model (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  weights    TEXT NOT NULL CHECK (json_valid(weights)),
  revision   INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Append-only: each entry carries the SHA-256 of the previous one (server/audit/hash-chain.ts).
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  after       TEXT CHECK (after IS NULL OR json_valid(after)),
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_by_entity ON audit_log (entity_type, entity_id, seq);
CREATE INDEX audit_by_actor ON audit_log (actor, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
