-- A release of results cannot be changed or withdrawn: every UPDATE, DELETE or TRUNCATE raises (as V86 for interim
-- looks).
CREATE FUNCTION results_release_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER results_release_no_update_or_delete BEFORE UPDATE OR DELETE ON results_release
  FOR EACH ROW EXECUTE FUNCTION results_release_is_immutable();
CREATE TRIGGER results_release_no_truncate BEFORE TRUNCATE ON results_release
  FOR EACH STATEMENT EXECUTE FUNCTION results_release_is_immutable();
