-- The interim looks of each trial's group-sequential plan (docs/group-sequential.md, "Monitoring in the server"):
-- number, date, data cut-off, the SHA-256 of the analysis dataset the look was computed from (its CSV as
-- `export analysis-dataset` writes it) and the result as JSON. Append-only: V86 refuses UPDATE and DELETE.
-- Portable SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE interim_look (
  id              VARCHAR(36)       NOT NULL PRIMARY KEY,
  trial_id        VARCHAR(64)       NOT NULL REFERENCES trial (id),
  look_number     INTEGER           NOT NULL,
  look_date       DATE              NOT NULL,
  data_cutoff     DATE              NOT NULL,
  dataset_sha256  VARCHAR(64)       NOT NULL,
  result_json     VARCHAR(1000000)  NOT NULL,
  recorded_by     VARCHAR(200)      NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT interim_look_number_unique UNIQUE (trial_id, look_number)
);
