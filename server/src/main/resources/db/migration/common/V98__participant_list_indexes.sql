-- The participants list reads one page in screening-number order, of the trial, of the user's sites or one site
-- (ParticipantRepository.page): these indexes give the rows in that order, so a page costs its rows, not a sort
-- of the trial. The same SQL for H2 2.x and PostgreSQL 15.
CREATE INDEX participant_trial_number ON participant (trial_id, screening_number);
CREATE INDEX participant_trial_site_number ON participant (trial_id, site_code, screening_number);
