-- Task scores keep the unrounded mean of their indicator scores (ten decimals, see TaskScoreRounding), and a
-- decision keeps the unrounded mean of four of them. Scores released before this keep the two decimals they had.
ALTER TABLE scoring_assignment MODIFY task_score DECIMAL(12, 10);
ALTER TABLE task_score MODIFY task_score DECIMAL(12, 10);
ALTER TABLE licensure_decision MODIFY average DECIMAL(12, 10);
