-- Every admin action, appended by the module that performed it inside the action's own
-- transaction. Times are Unix seconds. admin_id points at accounts.users (kept by the services).
CREATE TABLE audit_entries (
  id           BIGSERIAL PRIMARY KEY,
  admin_id     BIGINT NOT NULL,
  action       TEXT   NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  subject_kind TEXT   NOT NULL CHECK (length(subject_kind) BETWEEN 1 AND 64),
  subject_id   TEXT   NOT NULL DEFAULT '',
  before       TEXT   NOT NULL DEFAULT '',
  after        TEXT   NOT NULL DEFAULT '',
  reason       TEXT   NOT NULL DEFAULT '',
  created_at   BIGINT NOT NULL
);
CREATE INDEX audit_entries_subject ON audit_entries (subject_kind, subject_id, id);
CREATE INDEX audit_entries_admin ON audit_entries (admin_id, id);

-- Append-only, like the ledger: what was recorded stays recorded.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
