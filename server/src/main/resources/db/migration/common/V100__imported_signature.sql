-- Signatures carried by an imported ODM file (docs/cdisc.md, "Import"): the original signer's name, the time and the
-- meaning as the file gives them, marked imported by the file and its FileOID. Kept apart from electronic_signature,
-- whose rows are signatures executed on this server (password re-entered, signer a user of this server): an
-- imported signature is never one of the importing user, and its signer need not have an account here.
-- Portable SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE imported_signature (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  entity_type   VARCHAR(32)   NOT NULL,
  entity_id     VARCHAR(36)   NOT NULL,
  signer        VARCHAR(200)  NOT NULL,
  meaning       VARCHAR(32)   NOT NULL,
  signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  imported_from VARCHAR(400)  NOT NULL,
  imported_by   VARCHAR(64)   NOT NULL,
  imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT imported_signature_once UNIQUE (entity_type, entity_id, signer, meaning, signed_at)
);
CREATE INDEX imported_signature_entity ON imported_signature (entity_type, entity_id);
