-- A first request still unanswered when its server run died must not hold its Idempotency-Key for minutes: each
-- claim names the run that holds it, and each run says every few seconds that it is alive.
ALTER TABLE idempotent_request ADD COLUMN claimed_by CHAR(36);

CREATE TABLE server_run
(
    run_id  CHAR(36)     NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP(6) NOT NULL
);
