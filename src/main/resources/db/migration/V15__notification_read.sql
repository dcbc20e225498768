-- In-app notifications: every message mailed to a person is listed in the app until they have read it.
ALTER TABLE notification ADD COLUMN read_at TIMESTAMP(6);
CREATE INDEX ix_notification_unread ON notification (recipient, read_at);
