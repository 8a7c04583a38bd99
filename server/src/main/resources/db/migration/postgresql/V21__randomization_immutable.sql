-- Randomization records, seeds and deviation notes cannot be changed or removed: every UPDATE, DELETE or TRUNCATE
-- raises.
CREATE FUNCTION randomization_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER randomization_no_update_or_delete BEFORE UPDATE OR DELETE ON randomization
  FOR EACH ROW EXECUTE FUNCTION randomization_is_immutable();
CREATE TRIGGER randomization_no_truncate BEFORE TRUNCATE ON randomization
  FOR EACH STATEMENT EXECUTE FUNCTION randomization_is_immutable();
CREATE TRIGGER randomization_seed_no_update_or_delete BEFORE UPDATE OR DELETE ON randomization_seed
  FOR EACH ROW EXECUTE FUNCTION randomization_is_immutable();
CREATE TRIGGER randomization_seed_no_truncate BEFORE TRUNCATE ON randomization_seed
  FOR EACH STATEMENT EXECUTE FUNCTION randomization_is_immutable();
CREATE TRIGGER randomization_deviation_no_update_or_delete BEFORE UPDATE OR DELETE ON randomization_deviation
  FOR EACH ROW EXECUTE FUNCTION randomization_is_immutable();
CREATE TRIGGER randomization_deviation_no_truncate BEFORE TRUNCATE ON randomization_deviation
  FOR EACH STATEMENT EXECUTE FUNCTION randomization_is_immutable();
