-- Transition rules are handbook data: old-handbook Tasks 1-2 count only if submitted by a cut-off (seed 001),
-- and a pilot handbook's complete, scorable submissions count as at least 2.75.
ALTER TABLE handbook_version ADD COLUMN pilot BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE handbook_version ADD COLUMN tasks_1_2_submit_by DATE;
UPDATE handbook_version SET tasks_1_2_submit_by = '2025-07-10' WHERE code IN ('2023-24', '2024-25');
INSERT INTO handbook_version (code, title, open_for_registration, pilot) VALUES
    ('2024-25-pilot', 'Pilot of the revised Tasks 1 and 2 (2024-25)', FALSE, TRUE);

CREATE TABLE licensure_decision (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    candidate_id BIGINT         NOT NULL,
    passed       BOOLEAN        NOT NULL,
    average      DECIMAL(6, 4),
    explanation  LONGTEXT       NOT NULL,
    decided_at   TIMESTAMP(6)   NOT NULL,
    -- One decision per run of the licensure-decision process, however often its job is delivered.
    process_instance_key BIGINT NOT NULL,
    CONSTRAINT uk_decision_instance UNIQUE (process_instance_key)
);
CREATE INDEX ix_decision_candidate ON licensure_decision (candidate_id, id);

-- The transactional outbox of hand-offs to the state's licensure system (ELAR): written with the decision.
CREATE TABLE elar_handoff (
    decision_id     BIGINT         NOT NULL PRIMARY KEY,
    candidate_id    BIGINT         NOT NULL,
    idempotency_key VARCHAR(80)    NOT NULL,
    payload         LONGTEXT       NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    attempts        INT            NOT NULL,
    last_error      VARCHAR(1000),
    job_key         BIGINT,
    created_at      TIMESTAMP(6)   NOT NULL,
    sent_at         TIMESTAMP(6),
    CONSTRAINT uk_handoff_key UNIQUE (idempotency_key),
    CONSTRAINT fk_handoff_decision FOREIGN KEY (decision_id) REFERENCES licensure_decision (id)
);

-- The embedded default's stand-in for ELAR: what it received, once per idempotency key.
CREATE TABLE elar_receipt (
    idempotency_key VARCHAR(80)    NOT NULL PRIMARY KEY,
    payload         LONGTEXT       NOT NULL,
    deliveries      INT            NOT NULL,
    received_at     TIMESTAMP(6)   NOT NULL
);

-- Expired scores already sent to a new decision, so each expiry starts one.
CREATE TABLE score_expiry (
    task_score_id BIGINT        NOT NULL PRIMARY KEY,
    candidate_id  BIGINT        NOT NULL,
    noticed_at    TIMESTAMP(6)  NOT NULL
);
