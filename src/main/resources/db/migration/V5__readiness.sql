-- What the candidate states about the draft: the readiness report checks these and blinds against the roster.
ALTER TABLE task_draft
    ADD COLUMN priority_area           VARCHAR(500),
    ADD COLUMN collaboration_points    VARCHAR(2000),
    ADD COLUMN collaboration_rationale VARCHAR(2000),
    ADD COLUMN collaboration_roles     VARCHAR(2000),
    ADD COLUMN roster                  VARCHAR(4000);

-- The latest readiness report of each draft, as shown to the candidate and mentor.
CREATE TABLE readiness_report (
    draft_id     BIGINT       NOT NULL PRIMARY KEY,
    computed_at  TIMESTAMP(6) NOT NULL,
    blocking     INT          NOT NULL,
    warnings     INT          NOT NULL,
    findings     LONGTEXT     NOT NULL,
    CONSTRAINT fk_readiness_draft FOREIGN KEY (draft_id) REFERENCES task_draft (id)
);
