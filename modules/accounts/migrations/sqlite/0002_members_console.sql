-- The members console: a phone number to find a member by, suspension, and one-time password
-- reset codes issued by an admin (the intranet has no e-mail to send a reset link through).
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';  -- digits only; '' when none was given
ALTER TABLE users ADD COLUMN suspended_at INTEGER;             -- NULL while the member may sign in
ALTER TABLE users ADD COLUMN suspension_reason TEXT NOT NULL DEFAULT '';

CREATE INDEX users_role ON users (role);

-- Only a hash of each code is kept; a newer code for a member replaces the older ones. used_at is
-- set by one conditional UPDATE, so a code works once however many try it at the same moment.
CREATE TABLE password_reset_codes (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER,
  issued_by  INTEGER REFERENCES users (id) ON DELETE SET NULL  -- NULL: the command line
);

CREATE INDEX password_reset_codes_user_id ON password_reset_codes (user_id);
