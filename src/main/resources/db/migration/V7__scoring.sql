-- Scoring windows, the scorer pool, originality screening and review, scoring and released task scores.

CREATE TABLE scoring_window (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(120)  NOT NULL,
    submission_deadline DATE          NOT NULL,
    score_report_date   DATE          NOT NULL,
    created_by          VARCHAR(100)  NOT NULL,
    created_at          TIMESTAMP(6)  NOT NULL
);

-- Which handbook versions and tasks a window accepts (e.g. old-handbook Tasks 1-2 only until July 10, 2025).
CREATE TABLE scoring_window_task (
    window_id        BIGINT       NOT NULL,
    handbook_version VARCHAR(20)  NOT NULL,
    task             INT          NOT NULL,
    PRIMARY KEY (window_id, handbook_version, task),
    CONSTRAINT fk_window_task_window FOREIGN KEY (window_id) REFERENCES scoring_window (id)
);

CREATE TABLE scorer (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username     VARCHAR(100)  NOT NULL,
    full_name    VARCHAR(200)  NOT NULL,
    email        VARCHAR(320)  NOT NULL,
    district     VARCHAR(200)  NOT NULL,
    program_code VARCHAR(40),
    capacity     INT           NOT NULL,
    active       BOOLEAN       NOT NULL,
    CONSTRAINT uk_scorer_username UNIQUE (username)
);

-- One per submission: where it is between submission and its released score.
CREATE TABLE scoring_case (
    submission_id        BIGINT        NOT NULL PRIMARY KEY,
    candidate_id         BIGINT        NOT NULL,
    task                 INT           NOT NULL,
    handbook_version     VARCHAR(20)   NOT NULL,
    window_id            BIGINT,
    status               VARCHAR(30)   NOT NULL,
    updated_at           TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_case_window FOREIGN KEY (window_id) REFERENCES scoring_window (id)
);
CREATE INDEX ix_scoring_case_status ON scoring_case (status);

-- One per purpose per submission, so a redelivered assignment job finds the assignment it made.
CREATE TABLE scoring_assignment (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id BIGINT        NOT NULL,
    scorer_id     BIGINT        NOT NULL,
    purpose       VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    assigned_at   TIMESTAMP(6)  NOT NULL,
    due_at        TIMESTAMP(6)  NOT NULL,
    scored_at     TIMESTAMP(6),
    task_score    DECIMAL(3, 2),
    result        LONGTEXT,
    CONSTRAINT uk_assignment_purpose UNIQUE (submission_id, purpose),
    CONSTRAINT fk_assignment_scorer FOREIGN KEY (scorer_id) REFERENCES scorer (id)
);
CREATE INDEX ix_assignment_scorer_status ON scoring_assignment (scorer_id, status);

-- Released results. Never updated: a correction is a new row pointing at the row it replaces.
CREATE TABLE task_score (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id     BIGINT        NOT NULL,
    candidate_id      BIGINT        NOT NULL,
    task              INT           NOT NULL,
    task_score        DECIMAL(3, 2),
    result            LONGTEXT      NOT NULL,
    basis             VARCHAR(300)  NOT NULL,
    replaces_id       BIGINT,
    report_date       DATE          NOT NULL,
    valid_until       DATE          NOT NULL,
    released_at       TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_task_score_replaces UNIQUE (replaces_id),
    CONSTRAINT fk_task_score_replaces FOREIGN KEY (replaces_id) REFERENCES task_score (id)
);
CREATE INDEX ix_task_score_submission ON task_score (submission_id);
CREATE INDEX ix_task_score_candidate ON task_score (candidate_id);

CREATE TABLE originality_screening (
    submission_id         BIGINT        NOT NULL PRIMARY KEY,
    candidate_id          BIGINT        NOT NULL,
    fingerprints          INT           NOT NULL,
    matched_submission_id BIGINT,
    shared_fingerprints   INT,
    screened_at           TIMESTAMP(6)  NOT NULL
);

CREATE TABLE administrative_review (
    submission_id         BIGINT         NOT NULL PRIMARY KEY,
    matched_submission_id BIGINT         NOT NULL,
    shared_fingerprints   INT            NOT NULL,
    submission_passage    VARCHAR(4000)  NOT NULL,
    matched_passage       VARCHAR(4000)  NOT NULL,
    status                VARCHAR(20)    NOT NULL,
    resubmit_after        DATE,
    note                  VARCHAR(2000),
    decided_by            VARCHAR(100),
    decided_at            TIMESTAMP(6),
    opened_at             TIMESTAMP(6)   NOT NULL
);
CREATE INDEX ix_review_status ON administrative_review (status);

CREATE TABLE rescoring_request (
    submission_id  BIGINT        NOT NULL PRIMARY KEY,
    requested_by   VARCHAR(100)  NOT NULL,
    requested_at   TIMESTAMP(6)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    outcome        VARCHAR(300)
);
