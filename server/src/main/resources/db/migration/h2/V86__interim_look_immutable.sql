-- Interim looks cannot be changed or removed: every UPDATE or DELETE raises (as V21 for randomization).
CREATE TRIGGER interim_look_no_update BEFORE UPDATE ON interim_look FOR EACH ROW
  CALL 'org.oligotrial.server.monitoring.ImmutableLookTrigger';
CREATE TRIGGER interim_look_no_delete BEFORE DELETE ON interim_look FOR EACH ROW
  CALL 'org.oligotrial.server.monitoring.ImmutableLookTrigger';
