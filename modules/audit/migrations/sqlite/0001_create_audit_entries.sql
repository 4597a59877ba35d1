-- Every admin action, appended by the module that performed it inside the action's own
-- transaction. Times are Unix seconds. admin_id points at accounts.users (kept by the services).
CREATE TABLE audit_entries (
  id           INTEGER PRIMARY KEY,
  admin_id     INTEGER NOT NULL,
  action       TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  subject_kind TEXT    NOT NULL CHECK (length(subject_kind) BETWEEN 1 AND 64),
  subject_id   TEXT    NOT NULL DEFAULT '',
  before       TEXT    NOT NULL DEFAULT '',
  after        TEXT    NOT NULL DEFAULT '',
  reason       TEXT    NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL
);
-- The history box on an item's page, and the log filtered by admin.
CREATE INDEX audit_entries_subject ON audit_entries (subject_kind, subject_id, id);
CREATE INDEX audit_entries_admin ON audit_entries (admin_id, id);

-- Append-only, like the ledger: what was recorded stays recorded.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
