-- The first answer to each request sent with an Idempotency-Key, per person, so a repeat gets the same answer.
-- status stays NULL while the first request runs.
CREATE TABLE idempotent_request
(
    owner           VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(80)  NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INT,
    content_type    VARCHAR(255),
    body            MEDIUMBLOB,
    created_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
