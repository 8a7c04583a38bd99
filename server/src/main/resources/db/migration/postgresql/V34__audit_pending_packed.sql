-- Audit entries written together about one record (same actor, time, action, record, reason and site: the six
-- entries of a new participant, say) are staged as one audit_pending row: the row's own columns hold the first
-- entry, more_entries the field, old and new value of the others (AuditTrail, PackedEntries). One heap row, one
-- index entry and one dead row to vacuum instead of one per entry. The chainer expands them, in order, into
-- audit_event, one row per entry as before.
ALTER TABLE audit_pending ADD COLUMN more_entries BYTEA;
-- Large packed values are compressed with lz4, as the other large columns (V31).
DO $$
BEGIN
  ALTER TABLE audit_pending ALTER COLUMN more_entries SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 compression is not available on this server: large values stay compressed with pglz';
END
$$;
