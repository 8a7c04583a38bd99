-- Tamper evidence outside the database (AuditKeys, Checkpointer, CheckpointLog; docs/server.md "Audit trail").
-- Every staged row carries an HMAC-SHA256 under the server's key (kept outside the database) that the chainer checks;
-- every chained row carries one over its hash, so a row written into audit_event by anyone else is recognised.
ALTER TABLE audit_pending ADD COLUMN mac VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN mac VARCHAR(64);
-- The chain's id names its sub-directory of the checkpoint log, so that one log can serve several databases.
ALTER TABLE audit_head ADD COLUMN chain_id VARCHAR(36);
UPDATE audit_head SET chain_id = CAST(gen_random_uuid() AS VARCHAR(36));
ALTER TABLE audit_head ALTER COLUMN chain_id SET NOT NULL;
-- The signed checkpoints, also kept here (the log outside is the one that counts; these show a log swapped for an
-- older copy).
CREATE TABLE audit_checkpoint (
  number       BIGINT        NOT NULL PRIMARY KEY,
  chain_id     VARCHAR(36)   NOT NULL,
  tree_size    BIGINT        NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  signed_text  VARCHAR(4000) NOT NULL
);
