-- Randomization: the per-trial allocation state (one row per trial, locked by every allocation), the secret seed,
-- the immutable randomization records and the deviation notes that correct them. Portable SQL for H2 2.x and
-- PostgreSQL 15; the guards that forbid changing records live in db/migration/{h2,postgresql}/V21.

-- One row per trial. Every allocation locks it (SELECT ... FOR UPDATE), so allocations are serialised per trial;
-- allocated and state_json change in the same transaction as the new randomization record.
CREATE TABLE randomization_trial (
  trial_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
  method       VARCHAR(32)  NOT NULL,
  scheme       VARCHAR(4000) NOT NULL,
  allocated    INTEGER      NOT NULL,
  state_json   VARCHAR(1000000) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The secret seed, generated once per trial on first use; never replaced (see V21).
CREATE TABLE randomization_seed (
  trial_id     VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES randomization_trial (trial_id),
  seed_hex     VARCHAR(128) NOT NULL,
  fingerprint  VARCHAR(8)   NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One immutable row per randomized participant.
CREATE TABLE randomization (
  participant_id     VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES participant (id),
  trial_id           VARCHAR(64)  NOT NULL REFERENCES randomization_trial (trial_id),
  sequence_number    INTEGER      NOT NULL,
  site_code          VARCHAR(32)  NOT NULL,
  randomized_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  randomized_by      VARCHAR(64)  NOT NULL,
  screening_version  INTEGER      NOT NULL,
  factors_json       VARCHAR(4000) NOT NULL,
  stratum            VARCHAR(1000) NOT NULL,
  method             VARCHAR(32)  NOT NULL,
  basis_json         VARCHAR(4000) NOT NULL,
  draw               DOUBLE PRECISION,
  arm_index          INTEGER      NOT NULL,
  arm                VARCHAR(32)  NOT NULL,
  plan_json          VARCHAR(8000) NOT NULL,
  CONSTRAINT randomization_sequence_unique UNIQUE (trial_id, sequence_number)
);

-- Documented deviations (for example a wrong stratum): the record stays as it was, the note explains it.
CREATE TABLE randomization_deviation (
  participant_id  VARCHAR(36)   NOT NULL REFERENCES randomization (participant_id),
  seq             INTEGER       NOT NULL,
  note            VARCHAR(4000) NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by     VARCHAR(64)   NOT NULL,
  PRIMARY KEY (participant_id, seq)
);
