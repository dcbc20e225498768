-- Published read models. Each view belongs to the feature its name starts with and is how SQL outside that
-- feature reads its data (the coordinators' cohort view reads only these). A feature may change the tables
-- behind its views; the views keep their columns. None has a subquery in its select list, so MySQL and MariaDB
-- merge them into the query that reads them and the tables' indexes still serve it.

CREATE VIEW program_cohort AS
SELECT p.code AS program_code, p.name AS program_name, p.coordinator_email, c.code AS cohort_code,
       c.name AS cohort_name, c.accepting
  FROM cohort c JOIN preparation_program p ON p.id = c.program_id;

CREATE VIEW registration_candidate AS
SELECT r.id AS candidate_id, r.full_name, r.program_code, r.cohort_code, r.status
  FROM candidate_registration r;

CREATE VIEW mentoring_mentor AS
SELECT ms.candidate_id, m.full_name AS mentor_name
  FROM mentorship ms JOIN mentor m ON m.id = ms.mentor_id;

CREATE VIEW mentoring_pending_proposal AS
SELECT a.candidate_id, m.full_name AS mentor_name, mp.proposed_at
  FROM mentor_assignment a
  JOIN mentor_proposal mp ON mp.assignment_id = a.id
  JOIN mentor m ON m.id = mp.mentor_id
 WHERE mp.status = 'PENDING';

-- Each task's latest attempt: its draft, and its submission once submitted.
CREATE VIEW drafting_latest_attempt AS
SELECT d.candidate_id, d.task_number, d.id AS draft_id, d.status AS draft_status, ts.id AS submission_id
  FROM task_draft d
  LEFT JOIN task_submission ts ON ts.draft_id = d.id
 WHERE d.id = (SELECT MAX(l.id) FROM task_draft l
                WHERE l.candidate_id = d.candidate_id AND l.task_number = d.task_number);

-- The component of a draft open for work: the first, in the handbook's order, not yet approved.
CREATE VIEW drafting_open_component AS
SELECT m.draft_id, m.component, m.status
  FROM draft_milestone m
 WHERE m.status <> 'APPROVED'
   AND m.sequence = (SELECT MIN(o.sequence) FROM draft_milestone o
                      WHERE o.draft_id = m.draft_id AND o.status <> 'APPROVED');

CREATE INDEX ix_draft_candidate_task ON task_draft (candidate_id, task_number, id);

-- A submission's scoring: its case, any rescoring request, and the released result that stands now.
CREATE VIEW scoring_submission_standing AS
SELECT c.submission_id, c.candidate_id, c.status AS case_status, rr.status AS rescoring_status,
       s.task_score, s.result, s.valid_until
  FROM scoring_case c
  LEFT JOIN rescoring_request rr ON rr.submission_id = c.submission_id
  LEFT JOIN task_score s ON s.submission_id = c.submission_id
       AND NOT EXISTS (SELECT 1 FROM task_score n WHERE n.replaces_id = s.id);

CREATE VIEW licensure_latest_decision AS
SELECT d.candidate_id, d.passed, d.average
  FROM licensure_decision d
 WHERE d.id = (SELECT MAX(l.id) FROM licensure_decision l WHERE l.candidate_id = d.candidate_id);
