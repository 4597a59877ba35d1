-- Readers take the change feed in (transaction_id, sequence) order. On SQLite one writer commits
-- in sequence order, so every change keeps transaction_id 0 and the order is the sequence's; the
-- column exists so that the same SQL reads both stores (PostgreSQL records its transaction id).
ALTER TABLE search_changes ADD COLUMN transaction_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX search_changes_commit_order ON search_changes (transaction_id, sequence);
