-- Payouts (docs/BUYING.md §2a): a shop takes its balance out, a member cashes out wallet credit.
-- The ledger gains two house accounts — payout_clearing (money promised to a requester, out of
-- reach of spending until the office pays it or gives it back) and bank (the platform's bank
-- account, which goes negative as transfers leave it, like cash) — and three transfer kinds:
-- payout (wallet → clearing), payout_paid (clearing → cash or bank), payout_returned (clearing →
-- wallet). SQLite cannot change a CHECK in place, so the three ledger tables are rebuilt with the
-- wider checks, every row keeping its id. The new entries table refers to the new tables, so
-- dropping the old ones breaks no foreign key, and renaming rewrites those references.
CREATE TABLE ledger_accounts_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('buyer_wallet', 'seller_wallet', 'escrow', 'platform_fees', 'cash',
                                     'payout_clearing', 'bank')),
  owner_id INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'KPW',
  UNIQUE (kind, owner_id, currency)
);
INSERT INTO ledger_accounts_new (id, kind, owner_id, currency) SELECT id, kind, owner_id, currency FROM ledger_accounts;

CREATE TABLE ledger_transfers_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('top_up', 'payment', 'refund', 'release', 'payout', 'payout_paid',
                                     'payout_returned')),
  order_id INTEGER,
  reference TEXT NOT NULL DEFAULT '',
  actor_id INTEGER,
  created_at INTEGER NOT NULL
);
INSERT INTO ledger_transfers_new (id, kind, order_id, reference, actor_id, created_at)
  SELECT id, kind, order_id, reference, actor_id, created_at FROM ledger_transfers;

CREATE TABLE ledger_entries_new (
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES ledger_transfers_new (id),
  account_id INTEGER NOT NULL REFERENCES ledger_accounts_new (id),
  amount INTEGER NOT NULL CHECK (amount <> 0)
);
INSERT INTO ledger_entries_new (id, transfer_id, account_id, amount)
  SELECT id, transfer_id, account_id, amount FROM ledger_entries;

-- Dropping a table drops its indexes and triggers; both are made again below.
DROP TABLE ledger_entries;
DROP TABLE ledger_transfers;
DROP TABLE ledger_accounts;
ALTER TABLE ledger_accounts_new RENAME TO ledger_accounts;
ALTER TABLE ledger_transfers_new RENAME TO ledger_transfers;
ALTER TABLE ledger_entries_new RENAME TO ledger_entries;

CREATE UNIQUE INDEX ledger_transfers_once_per_order ON ledger_transfers (order_id, kind) WHERE order_id IS NOT NULL;
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, amount, transfer_id);
CREATE INDEX ledger_entries_transfer ON ledger_entries (transfer_id);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_transfers_no_update BEFORE UPDATE ON ledger_transfers
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_transfers_no_delete BEFORE DELETE ON ledger_transfers
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

INSERT INTO ledger_accounts (kind, owner_id) VALUES ('payout_clearing', 0), ('bank', 0);

-- One withdrawal: requested → approved → paid, or requested/approved → rejected (with the reason
-- the requester reads). owner is a shop (its seller wallet) or a member (their buyer wallet).
-- The money sits in payout_clearing from the request until it is paid or returned.
CREATE TABLE payouts (
  id INTEGER PRIMARY KEY,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('shop', 'member')),
  owner_id INTEGER NOT NULL,
  requested_by INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL CHECK (method IN ('bank', 'cash')),
  bank TEXT NOT NULL DEFAULT '',
  account_number TEXT NOT NULL DEFAULT '',
  account_holder TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'paid', 'rejected')),
  reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  decided_by INTEGER,
  decided_at INTEGER
);
-- At most one open request per shop or member: a second one finds this index taken.
CREATE UNIQUE INDEX payouts_one_open ON payouts (owner_kind, owner_id) WHERE status IN ('requested', 'approved');
CREATE INDEX payouts_owner ON payouts (owner_kind, owner_id, id);
CREATE INDEX payouts_status ON payouts (status, id);
