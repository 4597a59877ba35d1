-- The member's own security page: where each session was opened (the client's address as the
-- server saw it, behind nginx the trusted X-Forwarded-For one, and the User-Agent, cut to 512
-- bytes), and closed accounts. A closed account keeps its row, anonymised, so that orders and
-- ledger entries still name it; closed_at is set once, by a conditional UPDATE.
ALTER TABLE sessions ADD COLUMN remote_address TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN closed_at INTEGER;  -- NULL while the account is open
