-- What a member should hear of, recorded by the module that caused it inside the cause's own
-- transaction. The text is rendered when shown, from kind and subject, in the reader's language.
-- Times are Unix seconds; read_at is NULL while unread. recipient_id points at accounts.users.
CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY,
  recipient_id INTEGER NOT NULL,
  kind         TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  subject      TEXT    NOT NULL DEFAULT '',
  link         TEXT    NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  read_at      INTEGER
);
-- The bell's unread count (recipient, read_at IS NULL) and the list, newest first.
CREATE INDEX notifications_recipient ON notifications (recipient_id, read_at, id);
CREATE INDEX notifications_recipient_newest ON notifications (recipient_id, id);

-- Kinds a member turned off or back on; a kind without a row is on.
CREATE TABLE notification_preferences (
  user_id INTEGER NOT NULL,
  kind    TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  PRIMARY KEY (user_id, kind)
);
