-- Text extracted from evidence files, keyed by content hash: the same file uploaded again is not read again.
CREATE TABLE evidence_text (
    sha256        VARCHAR(64)   NOT NULL PRIMARY KEY,
    status        VARCHAR(20)   NOT NULL,
    word_count    INT           NOT NULL,
    char_count    INT           NOT NULL,
    text          LONGTEXT,
    finding       VARCHAR(1000),
    extracted_at  TIMESTAMP(6)  NOT NULL
);
