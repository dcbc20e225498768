-- The cohort view's own projection: per candidate, the facts its filters and counts select on, kept current in the
-- same transaction as each change by the features' events (cohorts.CohortFacts). Only what does not depend on the
-- day is stored (dates stay dates), so "at risk" and "expired" are decided when the view is read. A candidate with
-- no row yet (registered before this migration) is filled in at the next start.
CREATE TABLE cohort_candidate_facts (
    candidate_id        BIGINT      NOT NULL PRIMARY KEY,
    program_code        VARCHAR(40) NOT NULL,
    cohort_code         VARCHAR(40) NOT NULL,
    -- A latest attempt's released score is Incomplete or below the threshold.
    score_below         BOOLEAN     NOT NULL,
    -- The earliest last-valid day of the latest attempts' released scores.
    scores_valid_until  DATE,
    -- When the mentor proposal still waiting for an answer was made.
    proposal_pending_at TIMESTAMP(6) NULL,
    -- The latest licensure decision did not pass and its mean is below the passing average.
    average_below       BOOLEAN     NOT NULL,
    -- Each task's latest attempt: DRAFTING, IN_SCORING, SCORED or INCOMPLETE (NULL: not started), and its score's
    -- last valid day.
    task1_stage         VARCHAR(12),
    task1_valid_until   DATE,
    task2_stage         VARCHAR(12),
    task2_valid_until   DATE,
    task3_stage         VARCHAR(12),
    task3_valid_until   DATE,
    task4_stage         VARCHAR(12),
    task4_valid_until   DATE
);
CREATE INDEX ix_cohort_candidate_facts_cohort ON cohort_candidate_facts (program_code, cohort_code);
