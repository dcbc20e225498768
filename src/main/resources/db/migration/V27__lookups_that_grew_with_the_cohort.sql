-- Two lookups that read the whole table, and so cost more with every candidate: a candidate's latest submission of a
-- task (made at each submission) and the scorers' open assignments (counted at each assignment, one at a time).
CREATE INDEX ix_submission_candidate_task ON task_submission (candidate_id, task_number, id);
CREATE INDEX ix_assignment_status_scorer ON scoring_assignment (status, scorer_id);
