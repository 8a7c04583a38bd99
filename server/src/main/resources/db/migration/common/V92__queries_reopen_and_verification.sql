-- Queries re-opened with a reason by a data manager or monitor; the closing note of the previous round stays in the
-- audit trail.
ALTER TABLE crf_query ADD COLUMN reopened_by VARCHAR(64);
ALTER TABLE crf_query ADD COLUMN reopened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE crf_query ADD COLUMN reopen_reason VARCHAR(4000);

-- Source-data verification: a monitor's mark that one field of a form agrees with the source documents, for the
-- version of the form it was made on. A later change of the field deletes the mark (audited on the form).
CREATE TABLE crf_verification (
  form_id     VARCHAR(36)  NOT NULL REFERENCES crf_form (id),
  field       VARCHAR(200) NOT NULL,
  trial_id    VARCHAR(64)  NOT NULL REFERENCES trial (id),
  version     INTEGER      NOT NULL,
  verified_by VARCHAR(64)  NOT NULL,
  verified_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (form_id, field)
);
