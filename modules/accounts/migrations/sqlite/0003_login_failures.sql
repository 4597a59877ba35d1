-- Failed logins in the store, so that every node throttles by the same count (N nodes must not
-- allow N times the limit): per account (normalised email) and per remote address, how many
-- failed in each second. A sliding window is read from the newest seconds back; rows older than
-- the window are deleted as new failures come in.
CREATE TABLE login_failures (
  scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),
  subject TEXT NOT NULL,
  failed_at INTEGER NOT NULL,
  failures INTEGER NOT NULL CHECK (failures > 0),
  PRIMARY KEY (scope, subject, failed_at)
);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
