-- Members and their sessions. Times are Unix seconds; roles and session kinds are short words
-- checked here so that a bad value can never reach a row.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT    NOT NULL UNIQUE,  -- normalised: trimmed, NFC, lower-case
  name          TEXT    NOT NULL,
  password_hash TEXT    NOT NULL,         -- libsodium Argon2id string ($argon2id$v=19$...)
  role          TEXT    NOT NULL DEFAULT 'buyer' CHECK (role IN ('buyer', 'seller', 'admin')),
  created_at    INTEGER NOT NULL
);

-- Only a hash of each token is kept, so a copy of the database opens no session.
CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT    NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL CHECK (kind IN ('browser', 'api')),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL           -- the absolute end, whatever the activity
);

CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_last_seen_at ON sessions (last_seen_at);
