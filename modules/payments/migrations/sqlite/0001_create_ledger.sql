-- An append-only double-entry ledger. Every transfer's entries sum to zero; a balance is the sum
-- of an account's entries. Wallets (buyer_wallet: owner is a user; seller_wallet: owner is a
-- shop) never go below zero — the service checks that inside the transfer's transaction. The
-- house accounts (escrow, platform_fees, cash) have owner 0; cash goes negative as deposits come in.
CREATE TABLE ledger_accounts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('buyer_wallet', 'seller_wallet', 'escrow', 'platform_fees', 'cash')),
  owner_id INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'KPW',
  UNIQUE (kind, owner_id, currency)
);
INSERT INTO ledger_accounts (kind, owner_id) VALUES ('escrow', 0), ('platform_fees', 0), ('cash', 0);

-- order_id points at orders.orders (kept by the services). One transfer of each kind per order:
-- each paid order has exactly one payment, whatever retries or races happen.
CREATE TABLE ledger_transfers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('top_up', 'payment', 'refund', 'release')),
  order_id INTEGER,
  reference TEXT NOT NULL DEFAULT '',
  actor_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ledger_transfers_once_per_order ON ledger_transfers (order_id, kind) WHERE order_id IS NOT NULL;

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES ledger_transfers (id),
  account_id INTEGER NOT NULL REFERENCES ledger_accounts (id),
  amount INTEGER NOT NULL CHECK (amount <> 0)
);
-- Covers SUM(amount) per account, so a balance is read from the index alone.
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, amount, transfer_id);
CREATE INDEX ledger_entries_transfer ON ledger_entries (transfer_id);

-- Append-only: what was recorded stays recorded; a mistake is corrected by a new transfer.
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_transfers_no_update BEFORE UPDATE ON ledger_transfers
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_transfers_no_delete BEFORE DELETE ON ledger_transfers
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

-- Won per one major unit of currency, times 10,000 (payments/exchange.hpp).
CREATE TABLE exchange_rates (
  currency TEXT PRIMARY KEY CHECK (currency IN ('USD', 'CNY')),
  rate INTEGER NOT NULL CHECK (rate > 0),
  updated_at INTEGER NOT NULL,
  updated_by INTEGER NOT NULL
);
