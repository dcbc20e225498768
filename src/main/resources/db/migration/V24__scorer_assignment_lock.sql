-- Scorers are assigned one at a time across every worker thread and app instance: each assignment locks this row
-- before it counts what scorers hold, so no scorer is given more than their capacity.
CREATE TABLE scorer_assignment_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO scorer_assignment_lock (id) VALUES (1);
