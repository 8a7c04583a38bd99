-- Every committed change to API tokens, users or their sites is notified on the channel
-- oligotrial_account_change, whichever process or tool made it: servers cache checked API tokens and empty that
-- cache on each notification (AccountChangeListener). Row triggers, so that an UPDATE that changes no row (a
-- successful login with no failures to clear) notifies nobody; PostgreSQL folds identical notifications of one
-- transaction into one.
CREATE FUNCTION account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('oligotrial_account_change', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER api_token_changed AFTER INSERT OR UPDATE OR DELETE ON api_token
  FOR EACH ROW EXECUTE FUNCTION account_changed();
CREATE TRIGGER api_token_truncated AFTER TRUNCATE ON api_token
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();
CREATE TRIGGER user_account_changed AFTER INSERT OR UPDATE OR DELETE ON user_account
  FOR EACH ROW EXECUTE FUNCTION account_changed();
CREATE TRIGGER user_account_truncated AFTER TRUNCATE ON user_account
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();
CREATE TRIGGER user_site_changed AFTER INSERT OR UPDATE OR DELETE ON user_site
  FOR EACH ROW EXECUTE FUNCTION account_changed();
CREATE TRIGGER user_site_truncated AFTER TRUNCATE ON user_site
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();
