-- Imported signatures are only ever appended: every UPDATE, DELETE or TRUNCATE raises (as V89 for results
-- releases).
CREATE FUNCTION imported_signature_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER imported_signature_no_update_or_delete BEFORE UPDATE OR DELETE ON imported_signature
  FOR EACH ROW EXECUTE FUNCTION imported_signature_is_append_only();
CREATE TRIGGER imported_signature_no_truncate BEFORE TRUNCATE ON imported_signature
  FOR EACH STATEMENT EXECUTE FUNCTION imported_signature_is_append_only();
