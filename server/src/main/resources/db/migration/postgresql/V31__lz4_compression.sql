-- Large text values (screening records, eligibility results, audited old and new values, captured forms) are
-- compressed with lz4 instead of PostgreSQL's default pglz: several times faster to compress, on every insert of
-- a registration (perf, 32 clients registering back to back: pglz_compress was 3% of the machine's CPU). Only
-- values written from now on; a server built without lz4 keeps pglz (the notice says so).
DO $$
BEGIN
  ALTER TABLE screening_version ALTER COLUMN record_json SET COMPRESSION lz4,
    ALTER COLUMN eligibility_json SET COMPRESSION lz4;
  ALTER TABLE audit_event ALTER COLUMN old_value SET COMPRESSION lz4, ALTER COLUMN new_value SET COMPRESSION lz4;
  ALTER TABLE audit_pending ALTER COLUMN old_value SET COMPRESSION lz4,
    ALTER COLUMN new_value SET COMPRESSION lz4;
  ALTER TABLE randomization_trial ALTER COLUMN state_json SET COMPRESSION lz4;
  ALTER TABLE crf_form ALTER COLUMN values_json SET COMPRESSION lz4, ALTER COLUMN derived_json SET COMPRESSION lz4;
  ALTER TABLE crf_form_version ALTER COLUMN values_json SET COMPRESSION lz4,
    ALTER COLUMN derived_json SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 compression is not available on this server: large values stay compressed with pglz';
END
$$;
