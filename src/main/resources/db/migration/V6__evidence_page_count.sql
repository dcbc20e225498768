-- The page count a file states (PDF pages, or the count a word processor stored at its last save).
ALTER TABLE evidence_text ADD COLUMN page_count INT NULL;
