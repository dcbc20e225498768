-- The coordinators' cohort view reads a page of candidates and then their cases in a few set-based queries.
CREATE INDEX ix_scoring_case_candidate ON scoring_case (candidate_id);
CREATE INDEX ix_task_score_candidate_task ON task_score (candidate_id, task, valid_until);
