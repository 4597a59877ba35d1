-- A wallet's balance kept on its account row (see the SQLite twin).
ALTER TABLE ledger_accounts ADD COLUMN balance BIGINT NOT NULL DEFAULT 0 CHECK (balance >= 0);
UPDATE ledger_accounts SET balance = (SELECT CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) FROM ledger_entries e
                                      WHERE e.account_id = ledger_accounts.id)
WHERE kind IN ('buyer_wallet', 'seller_wallet');
