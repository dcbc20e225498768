-- The four components of leadership action (Investigate, Prepare, Act, Assess; seed 004) as milestones of a draft.
CREATE TABLE draft_milestone (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id        BIGINT        NOT NULL,
    component       VARCHAR(20)   NOT NULL,
    sequence        INT           NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    mentor_comment  VARCHAR(2000),
    marked_done_at  TIMESTAMP(6),
    reviewed_at     TIMESTAMP(6),
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_draft_milestone UNIQUE (draft_id, component),
    CONSTRAINT fk_milestone_draft FOREIGN KEY (draft_id) REFERENCES task_draft (id)
);
CREATE INDEX ix_draft_milestone_status ON draft_milestone (status);

-- What scoring will see: the task, the handbook, and exactly which files (by hash) were submitted.
CREATE TABLE task_submission (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id         BIGINT       NOT NULL,
    candidate_id     BIGINT       NOT NULL,
    task_number      INT          NOT NULL,
    handbook_version VARCHAR(20)  NOT NULL,
    submitted_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_submission_draft UNIQUE (draft_id),
    CONSTRAINT fk_submission_draft FOREIGN KEY (draft_id) REFERENCES task_draft (id)
);

CREATE TABLE submission_file (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id    BIGINT      NOT NULL,
    part_code        VARCHAR(10) NOT NULL,
    evidence_file_id BIGINT      NOT NULL,
    sha256           VARCHAR(64) NOT NULL,
    CONSTRAINT fk_submission_file_submission FOREIGN KEY (submission_id) REFERENCES task_submission (id),
    CONSTRAINT fk_submission_file_evidence FOREIGN KEY (evidence_file_id) REFERENCES evidence_file (id)
);
