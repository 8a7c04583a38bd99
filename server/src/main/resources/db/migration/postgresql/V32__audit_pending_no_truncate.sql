-- Vacuuming audit_pending (the audit chainer does it every few seconds under load) must not truncate the table:
-- the chained rows leave its last pages empty, and truncating them takes an ACCESS EXCLUSIVE lock that stops every
-- request's audit INSERT until it is done, after which the next inserts extend the file again. The table's size
-- stays at its high-water mark (a few MB under load); vacuum makes the space reusable.
ALTER TABLE audit_pending SET (vacuum_truncate = false);
