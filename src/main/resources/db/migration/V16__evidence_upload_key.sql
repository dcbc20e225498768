-- An upload sent again with its Idempotency-Key gets the version it made the first time. Uploads stream up to
-- 500 MB, too much for the request filter to hold, so the key is kept with the version itself.
ALTER TABLE evidence_file ADD COLUMN idempotency_key VARCHAR(80) NULL;
CREATE UNIQUE INDEX uk_evidence_idempotency_key ON evidence_file (draft_id, idempotency_key);
