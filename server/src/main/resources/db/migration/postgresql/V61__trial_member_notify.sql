-- Roles and sites per trial (V60) are account changes like user_site (V33): every committed change is notified on
-- oligotrial_account_change, so that servers empty their cache of checked API tokens.
CREATE TRIGGER trial_member_changed AFTER INSERT OR UPDATE OR DELETE ON trial_member
  FOR EACH ROW EXECUTE FUNCTION account_changed();
CREATE TRIGGER trial_member_truncated AFTER TRUNCATE ON trial_member
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();
CREATE TRIGGER trial_member_site_changed AFTER INSERT OR UPDATE OR DELETE ON trial_member_site
  FOR EACH ROW EXECUTE FUNCTION account_changed();
CREATE TRIGGER trial_member_site_truncated AFTER TRUNCATE ON trial_member_site
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();
