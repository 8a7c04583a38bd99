-- Audit entries staged together about one record (see db/migration/postgresql/V34): the same column on H2, where
-- the server stages one row per entry and the column stays empty; the chainer reads both forms.
ALTER TABLE audit_pending ADD COLUMN more_entries BINARY LARGE OBJECT;
