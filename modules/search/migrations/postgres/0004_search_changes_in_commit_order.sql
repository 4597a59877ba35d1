-- PostgreSQL hands out sequence numbers at insert and commits transactions in any order, so a
-- reader that moved past sequence n could miss a later-committing n - 1 for ever. Each change
-- records its transaction id (xid8, as BIGINT), and readers take only changes of transactions
-- below pg_snapshot_xmin(pg_current_snapshot()) — every one of those has ended, so that set is
-- final — in (transaction_id, sequence) order (search_repository.cpp, kChangesAfterPostgres).
ALTER TABLE search_changes
  ADD COLUMN transaction_id BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX search_changes_commit_order ON search_changes (transaction_id, sequence);
