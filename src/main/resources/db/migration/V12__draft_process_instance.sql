-- The task-drafting instance of a draft, recorded when it starts, so a repeated start event starts nothing.
ALTER TABLE task_draft ADD COLUMN process_instance_key BIGINT;
