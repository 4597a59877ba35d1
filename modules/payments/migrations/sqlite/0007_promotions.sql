-- Coupons (docs/BUYING.md §10): a marketplace coupon is paid by the marketplace, from the house
-- account `promotions` (owner 0), which goes negative as coupons are redeemed, like cash. Its leg
-- rides in the order's payment transfer (promotions → escrow beside the buyer's money) and goes
-- back in the refund. SQLite cannot change a CHECK in place, so the three ledger tables are
-- rebuilt with the wider account check, every row keeping its id and balance (as in 0003).
CREATE TABLE ledger_accounts_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('buyer_wallet', 'seller_wallet', 'escrow', 'platform_fees', 'cash',
                                     'payout_clearing', 'bank', 'promotions')),
  owner_id INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'KPW',
  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
  UNIQUE (kind, owner_id, currency)
);
INSERT INTO ledger_accounts_new (id, kind, owner_id, currency, balance)
  SELECT id, kind, owner_id, currency, balance FROM ledger_accounts;

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

INSERT INTO ledger_accounts (kind, owner_id) VALUES ('promotions', 0);
