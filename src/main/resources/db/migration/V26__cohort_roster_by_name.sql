-- The cohort view sorted by name reads a cohort's registrations in name order and stops after its page, instead of
-- sorting the whole cohort for every page (InnoDB appends the id, the tie-breaker, to every secondary index).
CREATE INDEX ix_registration_cohort_name ON candidate_registration (program_code, cohort_code, full_name);
