-- Reference data a coordinator or admin maintains: programs, cohorts, handbook versions.
CREATE TABLE preparation_program (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code              VARCHAR(40)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    accepting         BOOLEAN      NOT NULL,
    coordinator_email VARCHAR(254) NOT NULL,
    CONSTRAINT uk_program_code UNIQUE (code)
);

CREATE TABLE cohort (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    program_id BIGINT       NOT NULL,
    code       VARCHAR(40)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    accepting  BOOLEAN      NOT NULL,
    CONSTRAINT uk_cohort_code UNIQUE (program_id, code),
    CONSTRAINT fk_cohort_program FOREIGN KEY (program_id) REFERENCES preparation_program (id)
);

-- Which handbook a candidate works under; later issues hang evidence charts and rubrics off this code.
CREATE TABLE handbook_version (
    code                  VARCHAR(20)  NOT NULL PRIMARY KEY,
    title                 VARCHAR(200) NOT NULL,
    open_for_registration BOOLEAN      NOT NULL
);

-- The candidate record. Program, cohort and handbook are kept as submitted: the registration process
-- decides whether they exist and are open, and says why not.
CREATE TABLE candidate_registration (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    full_name            VARCHAR(200) NOT NULL,
    email                VARCHAR(254) NOT NULL,
    program_code         VARCHAR(40)  NOT NULL,
    cohort_code          VARCHAR(40)  NOT NULL,
    district             VARCHAR(200) NOT NULL,
    school               VARCHAR(200) NOT NULL,
    handbook_version     VARCHAR(20)  NOT NULL,
    policies_confirmed   BOOLEAN      NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    rejection_reason     VARCHAR(1000),
    registered_by        VARCHAR(254) NOT NULL,
    process_instance_key BIGINT,
    created_at           TIMESTAMP(6) NOT NULL,
    updated_at           TIMESTAMP(6) NOT NULL,
    version              BIGINT       NOT NULL,
    -- One open (submitted or active) registration per e-mail address; rejected ones stay on record.
    open_email           VARCHAR(254) GENERATED ALWAYS AS (CASE WHEN status <> 'REJECTED' THEN email END) STORED,
    CONSTRAINT uk_registration_open_email UNIQUE (open_email)
);
CREATE INDEX ix_registration_email ON candidate_registration (email);
CREATE INDEX ix_registration_status ON candidate_registration (status);
CREATE INDEX ix_registration_cohort ON candidate_registration (program_code, cohort_code);

-- School leaders who can mentor candidates at their own school.
CREATE TABLE mentor (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email     VARCHAR(254) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    district  VARCHAR(200) NOT NULL,
    school    VARCHAR(200) NOT NULL,
    CONSTRAINT uk_mentor_email UNIQUE (email)
);
CREATE INDEX ix_mentor_school ON mentor (district, school);

CREATE TABLE mentor_assignment (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    candidate_id    BIGINT       NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    returned_reason VARCHAR(1000),
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uk_assignment_candidate UNIQUE (candidate_id),
    CONSTRAINT fk_assignment_candidate FOREIGN KEY (candidate_id) REFERENCES candidate_registration (id)
);
CREATE INDEX ix_assignment_status ON mentor_assignment (status);

-- Every proposal stays on record, so a case shows who was asked, when, and what they said.
CREATE TABLE mentor_proposal (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    assignment_id  BIGINT        NOT NULL,
    mentor_id      BIGINT        NOT NULL,
    proposed_by    VARCHAR(254)  NOT NULL,
    proposed_at    TIMESTAMP(6)  NOT NULL,
    respond_by     TIMESTAMP(6)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    decline_reason VARCHAR(1000),
    responded_at   TIMESTAMP(6),
    version        BIGINT        NOT NULL,
    CONSTRAINT fk_proposal_assignment FOREIGN KEY (assignment_id) REFERENCES mentor_assignment (id),
    CONSTRAINT fk_proposal_mentor FOREIGN KEY (mentor_id) REFERENCES mentor (id)
);
CREATE INDEX ix_proposal_mentor_status ON mentor_proposal (mentor_id, status);

CREATE TABLE mentorship (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    candidate_id BIGINT       NOT NULL,
    mentor_id    BIGINT       NOT NULL,
    proposal_id  BIGINT       NOT NULL,
    started_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_mentorship_candidate UNIQUE (candidate_id),
    CONSTRAINT fk_mentorship_candidate FOREIGN KEY (candidate_id) REFERENCES candidate_registration (id),
    CONSTRAINT fk_mentorship_mentor FOREIGN KEY (mentor_id) REFERENCES mentor (id),
    CONSTRAINT fk_mentorship_proposal FOREIGN KEY (proposal_id) REFERENCES mentor_proposal (id)
);
CREATE INDEX ix_mentorship_mentor ON mentorship (mentor_id);

-- The mentor toolkit's milestones (seed 002) as data: which exist, in what order, which open at once.
CREATE TABLE milestone_type (
    code                   VARCHAR(40)  NOT NULL PRIMARY KEY,
    title                  VARCHAR(200) NOT NULL,
    sequence               INT          NOT NULL,
    opens_with_mentorship  BOOLEAN      NOT NULL
);

CREATE TABLE mentorship_milestone (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mentorship_id  BIGINT       NOT NULL,
    type_code      VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    opened_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_milestone UNIQUE (mentorship_id, type_code),
    CONSTRAINT fk_milestone_mentorship FOREIGN KEY (mentorship_id) REFERENCES mentorship (id),
    CONSTRAINT fk_milestone_type FOREIGN KEY (type_code) REFERENCES milestone_type (code)
);

-- Every notification sent, keyed so that a redelivered job never mails twice.
CREATE TABLE notification (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedupe_key VARCHAR(200)  NOT NULL,
    recipient  VARCHAR(254)  NOT NULL,
    subject    VARCHAR(300)  NOT NULL,
    body       TEXT          NOT NULL,
    sent_at    TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_notification_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_notification_recipient ON notification (recipient);

INSERT INTO handbook_version (code, title, open_for_registration) VALUES
    ('2023-24', 'Candidate Assessment Handbook 2023-24 (pilot Task 2)', FALSE),
    ('2024-25', 'Candidate Assessment Handbook 2024-25', FALSE),
    ('2025-26', 'Revised PAL Candidate Assessment Handbook (from Fall 2025)', TRUE);

INSERT INTO milestone_type (code, title, sequence, opens_with_mentorship) VALUES
    ('COLLABORATIVE_PLAN', 'Collaborative mentorship plan agreed', 1, TRUE),
    ('INITIAL_MEETING', 'Initial meeting held', 2, TRUE),
    ('SCHOOL_INTRODUCTION', 'Candidate introduced to the school community', 3, FALSE),
    ('SCHOOL_DATA', 'School data shared with the candidate', 4, FALSE),
    ('VOLUNTEERS_RECRUITED', 'Volunteers recruited for the tasks', 5, FALSE),
    ('CHECK_INS', 'Recurring check-ins held', 6, FALSE);
