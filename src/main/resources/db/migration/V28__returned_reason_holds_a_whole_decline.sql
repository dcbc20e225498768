-- The reason a case went back to its coordinator is the mentor's name (up to 200), " declined: " and the mentor's
-- reason (up to 1000): 1,000 characters could not hold it, and the job that hands the case back failed on every
-- retry, leaving the candidate waiting for a mentor's answer already given.
ALTER TABLE mentor_assignment MODIFY returned_reason VARCHAR(1300);
