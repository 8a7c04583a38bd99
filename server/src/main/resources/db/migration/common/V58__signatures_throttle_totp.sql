-- Electronic signatures (21 CFR 11.50): the signer's printed name, kept with the account; every signature with its
-- meaning and time, next to the signed record (the audit trail holds the same facts, hash-chained).
ALTER TABLE user_account ADD COLUMN full_name VARCHAR(200);

-- Sign-in throttling replaces the hard lockout: consecutive failures, the latest one, and the earliest time the
-- next password is checked (exponential back-off, see LoginThrottle).
ALTER TABLE user_account ADD COLUMN last_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE user_account RENAME COLUMN locked_until TO throttled_until;

CREATE TABLE electronic_signature (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  entity_type   VARCHAR(32)  NOT NULL,
  entity_id     VARCHAR(36)  NOT NULL,
  username      VARCHAR(64)  NOT NULL REFERENCES user_account (username),
  printed_name  VARCHAR(200) NOT NULL,
  meaning       VARCHAR(32)  NOT NULL,
  statement     VARCHAR(400) NOT NULL,
  signed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX electronic_signature_entity ON electronic_signature (entity_type, entity_id);

-- The optional second factor: one TOTP secret per user (RFC 6238), usable once confirmed; last_step is the time
-- step of the last code accepted, so that a code is never accepted twice.
CREATE TABLE user_totp (
  username      VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES user_account (username),
  secret        VARCHAR(64)  NOT NULL,
  confirmed     BOOLEAN      NOT NULL,
  last_step     BIGINT       NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
