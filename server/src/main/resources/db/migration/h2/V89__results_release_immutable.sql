-- A release of results cannot be changed or withdrawn: every UPDATE or DELETE raises (as V86 for interim looks).
CREATE TRIGGER results_release_no_update BEFORE UPDATE ON results_release FOR EACH ROW
  CALL 'org.oligotrial.server.trial.ImmutableReleaseTrigger';
CREATE TRIGGER results_release_no_delete BEFORE DELETE ON results_release FOR EACH ROW
  CALL 'org.oligotrial.server.trial.ImmutableReleaseTrigger';
