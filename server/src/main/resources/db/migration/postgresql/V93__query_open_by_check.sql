-- The open queries of a form and check, looked up on every save to close those a change resolves and to open no
-- second one while one is open. Not a unique index: databases written before this version may hold such duplicates
-- (they stay, and close with the check); the services hold the rule under the participant's lock.
CREATE INDEX crf_query_form_origin ON crf_query (form_id, field, origin, status);
