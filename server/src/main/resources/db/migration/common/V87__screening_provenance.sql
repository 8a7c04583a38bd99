-- Where each field of a screening version came from when the record was mapped from a FHIR R4 bundle
-- (docs/fhir.md, "In the server"): one row per mapped record field, keyed by the participant's screening version.
-- A screening typed by hand has no rows. Written in the transaction that registers the screening.
CREATE TABLE screening_provenance (
  participant_id  VARCHAR(36)  NOT NULL,
  version         INTEGER      NOT NULL,
  trial_id        VARCHAR(64)  NOT NULL,
  field           VARCHAR(200) NOT NULL,
  resource_type   VARCHAR(64)  NOT NULL,
  resource_id     VARCHAR(64)  NOT NULL,
  element         VARCHAR(200) NOT NULL,
  code            VARCHAR(300) NOT NULL,
  PRIMARY KEY (participant_id, version, field)
);
CREATE INDEX screening_provenance_trial ON screening_provenance (trial_id, participant_id);
