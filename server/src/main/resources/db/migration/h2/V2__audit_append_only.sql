-- The application cannot change or remove audit rows: every UPDATE or DELETE raises.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  CALL 'org.oligotrial.server.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  CALL 'org.oligotrial.server.audit.AppendOnlyTrigger';
