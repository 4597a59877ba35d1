-- The two-person rule (docs/BUYING.md §2a): a wallet credit above PaymentService's limit waits
-- here until a second admin approves it (then the ledger moves, once) or rejects it.
CREATE TABLE pending_credits (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  reference TEXT NOT NULL,
  requested_by INTEGER NOT NULL,
  requested_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by INTEGER,
  decided_at INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  transfer_id INTEGER
);
CREATE INDEX pending_credits_status ON pending_credits (status, id);
