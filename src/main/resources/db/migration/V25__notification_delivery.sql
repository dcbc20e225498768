-- Mail is delivered after the change that caused it has committed, off the thread that made the change; a message
-- not delivered yet (the mail server was down, or the app stopped first) is delivered by a later round.
ALTER TABLE notification ADD COLUMN delivered_at TIMESTAMP(6) NULL;
UPDATE notification SET delivered_at = sent_at;
CREATE INDEX ix_notification_undelivered ON notification (delivered_at, id);
