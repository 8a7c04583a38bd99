-- Clinical data capture: case report forms (a generic store whose fields come from the protocol file), their saved
-- versions, data queries, and alerts raised by serious adverse events. Portable SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE crf_form (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  participant_id VARCHAR(36)  NOT NULL REFERENCES participant (id),
  site_code      VARCHAR(32)  NOT NULL REFERENCES site (code),
  form_type      VARCHAR(64)  NOT NULL,
  visit_id       VARCHAR(64),
  visit_number   INTEGER,
  form_date      DATE,
  values_json    VARCHAR(1000000) NOT NULL,
  derived_json   VARCHAR(1000000),
  version        INTEGER      NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  signed_by      VARCHAR(64),
  signed_at      TIMESTAMP WITH TIME ZONE,
  locked_by      VARCHAR(64),
  locked_at      TIMESTAMP WITH TIME ZONE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by     VARCHAR(64)  NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by     VARCHAR(64)  NOT NULL
);
CREATE INDEX crf_form_participant ON crf_form (participant_id, form_type);
CREATE INDEX crf_form_site ON crf_form (site_code);

-- Every saved version of a form, kept as entered: the audit trail holds the field-by-field changes.
CREATE TABLE crf_form_version (
  form_id      VARCHAR(36)  NOT NULL REFERENCES crf_form (id),
  version      INTEGER      NOT NULL,
  values_json  VARCHAR(1000000) NOT NULL,
  derived_json VARCHAR(1000000),
  saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  saved_by     VARCHAR(64)  NOT NULL,
  reason       VARCHAR(4000),
  PRIMARY KEY (form_id, version)
);

-- A data query on one field of a form: raised by a data manager, a monitor or an edit check; answered by the site;
-- closed by whoever raised it.
CREATE TABLE crf_query (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  form_id        VARCHAR(36)  NOT NULL REFERENCES crf_form (id),
  participant_id VARCHAR(36)  NOT NULL REFERENCES participant (id),
  site_code      VARCHAR(32)  NOT NULL REFERENCES site (code),
  field          VARCHAR(200) NOT NULL,
  text           VARCHAR(4000) NOT NULL,
  origin         VARCHAR(64)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  raised_by      VARCHAR(64)  NOT NULL,
  raised_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  answer         VARCHAR(4000),
  answered_by    VARCHAR(64),
  answered_at    TIMESTAMP WITH TIME ZONE,
  closed_by      VARCHAR(64),
  closed_at      TIMESTAMP WITH TIME ZONE,
  close_note     VARCHAR(4000)
);
CREATE INDEX crf_query_site_status ON crf_query (site_code, status);
CREATE INDEX crf_query_form ON crf_query (form_id);

-- An alert addressed to one user (serious adverse events go to the site's investigators and data managers).
CREATE TABLE crf_alert (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  username       VARCHAR(64)  NOT NULL REFERENCES user_account (username),
  participant_id VARCHAR(36)  NOT NULL REFERENCES participant (id),
  site_code      VARCHAR(32)  NOT NULL REFERENCES site (code),
  form_id        VARCHAR(36)  NOT NULL REFERENCES crf_form (id),
  kind           VARCHAR(64)  NOT NULL,
  message        VARCHAR(4000) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crf_alert_user ON crf_alert (username, created_at);
