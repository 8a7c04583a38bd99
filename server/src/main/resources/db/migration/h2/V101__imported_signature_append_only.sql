-- Imported signatures are only ever appended: every UPDATE or DELETE raises (as V89 for results releases).
CREATE TRIGGER imported_signature_no_update BEFORE UPDATE ON imported_signature FOR EACH ROW
  CALL 'org.oligotrial.server.user.ImmutableImportedSignatureTrigger';
CREATE TRIGGER imported_signature_no_delete BEFORE DELETE ON imported_signature FOR EACH ROW
  CALL 'org.oligotrial.server.user.ImmutableImportedSignatureTrigger';
