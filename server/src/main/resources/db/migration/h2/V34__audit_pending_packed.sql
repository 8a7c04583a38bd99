-- Audit entries written together about one record staged as one audit_pending row (see
-- db/migration/postgresql/V34): the same column on H2.
ALTER TABLE audit_pending ADD COLUMN more_entries BINARY LARGE OBJECT;
