-- Each site's IANA time zone (e.g. Asia/Shanghai): the zone of the local wall-clock times its staff enter, such as
-- the awareness and report times of a serious adverse event (SeriousEvents). Existing sites get 'UTC', which is how
-- their times were read before, so their reporting clocks do not change; 'sites set-time-zone' sets the real zone.
-- The zone is checked by the application (SiteService: java.time.ZoneId region ids), not by the database. The same
-- SQL for H2 2.x and PostgreSQL 15 (DEFAULT before NOT NULL, as H2 requires).
ALTER TABLE site ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
