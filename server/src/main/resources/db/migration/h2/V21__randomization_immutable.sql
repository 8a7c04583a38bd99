-- Randomization records, seeds and deviation notes cannot be changed or removed: every UPDATE or DELETE raises.
CREATE TRIGGER randomization_no_update BEFORE UPDATE ON randomization FOR EACH ROW
  CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger';
CREATE TRIGGER randomization_no_delete BEFORE DELETE ON randomization FOR EACH ROW
  CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger';
CREATE TRIGGER randomization_seed_no_update BEFORE UPDATE ON randomization_seed FOR EACH ROW
  CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger';
CREATE TRIGGER randomization_seed_no_delete BEFORE DELETE ON randomization_seed FOR EACH ROW
  CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger';
CREATE TRIGGER randomization_deviation_no_update BEFORE UPDATE ON randomization_deviation FOR EACH ROW
  CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger';
CREATE TRIGGER randomization_deviation_no_delete BEFORE DELETE ON randomization_deviation FOR EACH ROW
  CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger';
