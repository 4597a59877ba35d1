-- Failed logins in the store (see the SQLite twin).
CREATE TABLE login_failures (
  scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),
  subject TEXT NOT NULL,
  failed_at BIGINT NOT NULL,
  failures BIGINT NOT NULL CHECK (failures > 0),
  PRIMARY KEY (scope, subject, failed_at)
);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
