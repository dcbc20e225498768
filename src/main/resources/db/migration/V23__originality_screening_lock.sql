-- Screening is one at a time across every app instance: each screening locks this row before it reads anything,
-- so it sees every screening committed before it, and the next one sees it.
CREATE TABLE originality_screening_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO originality_screening_lock (id) VALUES (1);
