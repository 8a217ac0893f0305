-- The dashboard's facts: each vendor's scored numbers and the parts of its document that the portfolio charts
-- group by, as rows and columns SQL can aggregate (docs/decisions/004-dashboard-aggregates.md). The vendor
-- document stays the source of truth; every commit that writes a vendor rewrites its facts in the same
-- transaction, and rescoring (model change, the daily decay) rewrites the score columns.

CREATE TABLE vendor_facts (
  vendor_id        TEXT PRIMARY KEY REFERENCES vendors (id),
  -- The vendor version these facts were derived from; a rescore computed from an older version is skipped.
  vendor_version   INTEGER NOT NULL,
  name             TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('active', 'onboarding', 'offboarded')),
  category         TEXT NOT NULL,
  records          INTEGER NOT NULL CHECK (records >= 0),
  data_location    TEXT NOT NULL,
  last_assessed_at TEXT,
  -- The day the score columns were computed for, with the model in force then; NULL until first scored
  -- (rows backfilled below are scored by the server when it starts, since scoring lives in TypeScript).
  scored_as_of     TEXT,
  score            REAL,
  tier             TEXT CHECK (tier IN ('critical', 'high', 'medium', 'low')),
  exposure         REAL,
  likelihood       REAL,
  -- The score and tier the vendor counts with in portfolio_score_changes (its latest snapshot's); NULL while it
  -- does not count (offboarded, or not yet scored).
  counted_score    REAL,
  counted_tier     TEXT,
  CHECK ((scored_as_of IS NULL) = (score IS NULL) AND (score IS NULL) = (tier IS NULL)
    AND (tier IS NULL) = (exposure IS NULL) AND (exposure IS NULL) = (likelihood IS NULL)),
  CHECK ((counted_score IS NULL) = (counted_tier IS NULL))
) STRICT;

-- The portfolio's history, pre-aggregated: how many vendors started (+) or stopped (-) counting with a score and
-- tier on a day, from their snapshots and from joining or leaving the portfolio. The portfolio on any day is the
-- running sum up to it, so the trend costs days × distinct scores however many snapshots there are.
CREATE TABLE portfolio_score_changes (
  as_of  TEXT NOT NULL,
  score  REAL NOT NULL,
  tier   TEXT NOT NULL,
  change INTEGER NOT NULL,
  PRIMARY KEY (as_of, score, tier)
) STRICT, WITHOUT ROWID;

CREATE TABLE vendor_data_classes (
  vendor_id  TEXT NOT NULL REFERENCES vendors (id),
  data_class TEXT NOT NULL,
  PRIMARY KEY (vendor_id, data_class)
) STRICT, WITHOUT ROWID;

-- Sub-processors, grouped across vendors by name_key (the name in lower case).
CREATE TABLE vendor_fourth_parties (
  vendor_id TEXT NOT NULL REFERENCES vendors (id),
  name_key  TEXT NOT NULL,
  name      TEXT NOT NULL,
  PRIMARY KEY (vendor_id, name_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX vendor_fourth_parties_by_name ON vendor_fourth_parties (name_key);

CREATE TABLE vendor_incidents (
  vendor_id   TEXT NOT NULL REFERENCES vendors (id),
  incident_id TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  kind        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  status      TEXT NOT NULL
) STRICT;
CREATE INDEX vendor_incidents_by_vendor ON vendor_incidents (vendor_id);
CREATE INDEX vendor_incidents_by_date ON vendor_incidents (occurred_at);

-- Backfill from the stored documents. The score columns stay NULL until the server scores them.
INSERT INTO vendor_facts (vendor_id, vendor_version, name, status, category, records, data_location, last_assessed_at)
SELECT id, version, name, status, doc ->> '$.category', doc ->> '$.access.records', doc ->> '$.access.dataLocation',
  doc ->> '$.controls.lastAssessedAt'
FROM vendors;

INSERT OR IGNORE INTO vendor_data_classes (vendor_id, data_class)
SELECT v.id, c.value FROM vendors v, json_each(v.doc, '$.access.dataClasses') c;

INSERT OR IGNORE INTO vendor_fourth_parties (vendor_id, name_key, name)
SELECT v.id, lower(trim(p.value)), trim(p.value) FROM vendors v, json_each(v.doc, '$.access.fourthParties') p;

INSERT INTO vendor_incidents (vendor_id, incident_id, occurred_at, kind, severity, status)
SELECT v.id, i.value ->> '$.id', i.value ->> '$.occurredAt', i.value ->> '$.kind', i.value ->> '$.severity',
  i.value ->> '$.status'
FROM vendors v, json_each(v.doc, '$.incidents') i;

-- The history so far, from the snapshots: each vendor counts with its last snapshot of each day. Before this
-- migration nothing recorded when a vendor was offboarded: an offboarded vendor leaves on the day of its last
-- update, and its snapshots after that day are left out.
WITH
left_on AS (SELECT id AS vendor_id, substr(updated_at, 1, 10) AS day FROM vendors WHERE status = 'offboarded'),
daily AS (
  SELECT s.vendor_id, s.as_of, s.score, s.tier FROM score_snapshots s
  WHERE s.id = (SELECT max(t.id) FROM score_snapshots t WHERE t.vendor_id = s.vendor_id AND t.as_of = s.as_of)
    AND NOT EXISTS (SELECT 1 FROM left_on l WHERE l.vendor_id = s.vendor_id AND s.as_of > l.day)
),
seq AS (
  SELECT vendor_id, as_of, score, tier,
    lag(score) OVER w AS prev_score, lag(tier) OVER w AS prev_tier, lead(as_of) OVER w AS next_day
  FROM daily WINDOW w AS (PARTITION BY vendor_id ORDER BY as_of)
),
moves AS (
  SELECT as_of, score, tier, 1 AS change FROM seq
  WHERE prev_score IS NULL OR prev_score <> score OR prev_tier <> tier
  UNION ALL
  SELECT as_of, prev_score, prev_tier, -1 FROM seq
  WHERE prev_score IS NOT NULL AND (prev_score <> score OR prev_tier <> tier)
  UNION ALL
  SELECT l.day, seq.score, seq.tier, -1 FROM left_on l JOIN seq ON seq.vendor_id = l.vendor_id AND seq.next_day IS NULL
)
INSERT INTO portfolio_score_changes (as_of, score, tier, change)
SELECT as_of, score, tier, sum(change) FROM moves GROUP BY as_of, score, tier HAVING sum(change) <> 0;

UPDATE vendor_facts SET
  counted_score = (SELECT s.score FROM score_snapshots s WHERE s.vendor_id = vendor_facts.vendor_id ORDER BY s.id DESC LIMIT 1),
  counted_tier = (SELECT s.tier FROM score_snapshots s WHERE s.vendor_id = vendor_facts.vendor_id ORDER BY s.id DESC LIMIT 1)
WHERE status <> 'offboarded';
