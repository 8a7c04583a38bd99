-- The endpoints last derived for each randomized participant, kept so that a re-derivation after any change to the
-- data can audit exactly which endpoint values changed (entity_type = endpoints, action DERIVE, actor system).
-- Portable SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE derived_endpoint (
  participant_id  VARCHAR(36)       NOT NULL PRIMARY KEY REFERENCES participant (id),
  values_json     VARCHAR(1000000)  NOT NULL,
  derived_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  trigger_ref     VARCHAR(4000)     NOT NULL
);
