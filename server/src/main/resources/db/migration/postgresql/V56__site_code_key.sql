-- Site codes compared ignoring case: the key is lower(code), computed by the database so that every way a site is
-- added fills it. Codes are ASCII letters, digits, '-' and '_' once cleaned (Identifiers.clean, SiteService), where
-- lower() is the application's case folding (Identifiers.key) whatever the collation. Fails, naming the index, if two
-- stored codes differ only in case: rename one before upgrading.
ALTER TABLE site ADD COLUMN code_key VARCHAR(32) GENERATED ALWAYS AS (lower(code)) STORED;
CREATE UNIQUE INDEX site_code_key ON site (code_key);
