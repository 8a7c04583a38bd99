-- The release of a trial's comparative (by-arm) results (docs/server.md, "Reports and blinding"): until a trial has
-- its row, every role but the DSMB sees its efficacy and safety results pooled; `oligotrial trials release-results`
-- writes the row, with who released, when and why. At most one row per trial; irreversible: V89 refuses UPDATE and
-- DELETE. Portable SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE results_release (
  trial_id     VARCHAR(64)    NOT NULL PRIMARY KEY REFERENCES trial (id),
  released_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  released_by  VARCHAR(200)   NOT NULL,
  reason       VARCHAR(4000)  NOT NULL
);
