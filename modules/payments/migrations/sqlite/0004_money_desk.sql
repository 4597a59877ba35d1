-- The money desk's memory: every exchange rate ever set (the admin page shows the history; the
-- current rate stays in exchange_rates), and the first four characters of each new voucher code,
-- so a batch page can tell its codes apart without storing a spendable code (the other 60 random
-- bits stay secret). Codes minted before this have no prefix.
CREATE TABLE exchange_rate_changes (
  id INTEGER PRIMARY KEY,
  currency TEXT NOT NULL CHECK (currency IN ('USD', 'CNY')),
  rate INTEGER NOT NULL CHECK (rate > 0),
  previous_rate INTEGER,
  changed_at INTEGER NOT NULL,
  changed_by INTEGER NOT NULL
);
CREATE INDEX exchange_rate_changes_currency ON exchange_rate_changes (currency, id);
INSERT INTO exchange_rate_changes (currency, rate, changed_at, changed_by)
  SELECT currency, rate, updated_at, updated_by FROM exchange_rates ORDER BY currency;

ALTER TABLE vouchers ADD COLUMN code_prefix TEXT NOT NULL DEFAULT '';
CREATE INDEX vouchers_redeemed ON vouchers (batch_id, redeemed_at);
