-- Interim looks cannot be changed or removed: every UPDATE, DELETE or TRUNCATE raises (as V21 for randomization).
CREATE FUNCTION interim_look_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER interim_look_no_update_or_delete BEFORE UPDATE OR DELETE ON interim_look
  FOR EACH ROW EXECUTE FUNCTION interim_look_is_immutable();
CREATE TRIGGER interim_look_no_truncate BEFORE TRUNCATE ON interim_look
  FOR EACH STATEMENT EXECUTE FUNCTION interim_look_is_immutable();
