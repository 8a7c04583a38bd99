-- The participant register, users and sites, and the append-only audit trail.
-- Portable SQL for H2 2.x and PostgreSQL 15; vendor-specific guards live in db/migration/{h2,postgresql}.

CREATE TABLE site (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_account (
  username         VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash    VARCHAR(200) NOT NULL,
  role             VARCHAR(32)  NOT NULL,
  enabled          BOOLEAN      NOT NULL,
  failed_count     INTEGER      NOT NULL,
  first_failed_at  TIMESTAMP WITH TIME ZONE,
  locked_until     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_site (
  username   VARCHAR(64) NOT NULL REFERENCES user_account (username),
  site_code  VARCHAR(32) NOT NULL REFERENCES site (code),
  PRIMARY KEY (username, site_code)
);

CREATE TABLE api_token (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  username    VARCHAR(64)  NOT NULL REFERENCES user_account (username),
  token_hash  VARCHAR(64)  NOT NULL UNIQUE,
  label       VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked     BOOLEAN      NOT NULL
);

CREATE TABLE participant (
  id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
  site_code                VARCHAR(32)  NOT NULL REFERENCES site (code),
  screening_number         VARCHAR(64)  NOT NULL UNIQUE,
  status                   VARCHAR(32)  NOT NULL,
  screening_version        INTEGER      NOT NULL,
  consent_form_version     VARCHAR(64),
  consent_date             DATE,
  consent_obtained_by      VARCHAR(200),
  withdrawal_date          DATE,
  withdrawal_reason        VARCHAR(4000),
  withdrawal_follow_up     BOOLEAN,
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by               VARCHAR(64)  NOT NULL,
  row_version              INTEGER      NOT NULL
);
CREATE INDEX participant_site_status ON participant (site_code, status);

CREATE TABLE screening_version (
  participant_id          VARCHAR(36)  NOT NULL REFERENCES participant (id),
  version                 INTEGER      NOT NULL,
  record_json             VARCHAR(1000000) NOT NULL,
  verdict                 VARCHAR(32)  NOT NULL,
  eligibility_json        VARCHAR(1000000) NOT NULL,
  protocol_version        VARCHAR(64)  NOT NULL,
  screen_failure_reasons  VARCHAR(1000000) NOT NULL,
  entered_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  entered_by              VARCHAR(64)  NOT NULL,
  reason                  VARCHAR(4000),
  PRIMARY KEY (participant_id, version)
);

CREATE TABLE status_change (
  participant_id  VARCHAR(36) NOT NULL REFERENCES participant (id),
  seq             INTEGER     NOT NULL,
  from_status     VARCHAR(32),
  to_status       VARCHAR(32) NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by      VARCHAR(64) NOT NULL,
  reason          VARCHAR(4000),
  PRIMARY KEY (participant_id, seq)
);

-- The audit trail: one row per field change or security event, hash-chained in seq order.
CREATE TABLE audit_event (
  seq          BIGINT       NOT NULL PRIMARY KEY,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        VARCHAR(64)  NOT NULL,
  action       VARCHAR(32)  NOT NULL,
  entity_type  VARCHAR(64)  NOT NULL,
  entity_id    VARCHAR(200) NOT NULL,
  field        VARCHAR(200),
  old_value    VARCHAR(1000000),
  new_value    VARCHAR(1000000),
  reason       VARCHAR(4000),
  site_code    VARCHAR(32),
  prev_hash    VARCHAR(64)  NOT NULL,
  hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id);

-- The head of the chain: one row, locked by every append so that the chain stays linear.
CREATE TABLE audit_head (
  id        INTEGER     NOT NULL PRIMARY KEY,
  last_seq  BIGINT      NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
