-- A candidate's work on one PAL task under one handbook version. One open draft per task; submitted
-- drafts stay on record, read-only.
CREATE TABLE task_draft (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    candidate_id            BIGINT       NOT NULL,
    task_number             INT          NOT NULL,
    handbook_version        VARCHAR(20)  NOT NULL,
    status                  VARCHAR(20)  NOT NULL,
    created_at              TIMESTAMP(6) NOT NULL,
    updated_at              TIMESTAMP(6) NOT NULL,
    version                 BIGINT       NOT NULL,
    open_task               INT GENERATED ALWAYS AS (CASE WHEN status = 'DRAFTING' THEN task_number END) STORED,
    CONSTRAINT uk_draft_open_task UNIQUE (candidate_id, open_task),
    CONSTRAINT fk_draft_candidate FOREIGN KEY (candidate_id) REFERENCES candidate_registration (id)
);

-- Every uploaded version of every part's file; the newest version of a part is the current one.
CREATE TABLE evidence_file (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id      BIGINT       NOT NULL,
    part_code     VARCHAR(10)  NOT NULL,
    file_version  INT          NOT NULL,
    original_name VARCHAR(255) NOT NULL,
    file_type     VARCHAR(10)  NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    storage_key   VARCHAR(100) NOT NULL,
    uploaded_by   VARCHAR(254) NOT NULL,
    uploaded_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_evidence_version UNIQUE (draft_id, part_code, file_version),
    CONSTRAINT fk_evidence_draft FOREIGN KEY (draft_id) REFERENCES task_draft (id)
);
CREATE INDEX ix_evidence_sha ON evidence_file (draft_id, sha256);
