-- A screening version with the result of a real protocol is about 3.5 KB once lz4 has compressed that result (4,947
-- characters -> 2,445 bytes for the eligible example): above PostgreSQL's default target of 2,032 bytes a row, so the
-- result went out to the TOAST table, which cost every registration two more heap rows, two index entries and a new
-- value id (found with an index probe). Rows up to 4,080 bytes after compression now stay in the table (two to a
-- page); longer ones are compressed and moved out as before.
ALTER TABLE screening_version SET (toast_tuple_target = 4080);
