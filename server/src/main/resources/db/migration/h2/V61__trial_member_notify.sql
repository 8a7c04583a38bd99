-- PostgreSQL notifies account changes of trial_member and trial_member_site (see db/migration/postgresql/V61); H2 has
-- no notifications and its servers run alone, so H2 only describes the tables, keeping the same version history.
COMMENT ON TABLE trial_member IS 'A user''s role on one trial (V60); administrators are server-wide';
COMMENT ON TABLE trial_member_site IS 'A user''s sites on one trial (V60)';
