-- The candidate's Massachusetts Education Personnel Identifier (MEPID), which the state's licensure system
-- (ELAR) files them under; given by the candidate or coordinator before the hand-off.
ALTER TABLE candidate_registration ADD COLUMN mepid VARCHAR(8);
