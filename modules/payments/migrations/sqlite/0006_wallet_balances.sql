-- A wallet's balance kept on its account row, beside the entries it sums (the entries stay the
-- record; the column is the fence): a debit is one conditional UPDATE ... WHERE balance + amount
-- >= 0 whose changed-row count says whether the money was there, so two payments at the same
-- instant on several nodes cannot both spend the same won. Kept for the kinds that must never go
-- below zero (buyer_wallet, seller_wallet); the house accounts stay 0 here, so that every payment
-- does not queue on the one escrow row.
ALTER TABLE ledger_accounts ADD COLUMN balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0);
UPDATE ledger_accounts SET balance = (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e
                                      WHERE e.account_id = ledger_accounts.id)
WHERE kind IN ('buyer_wallet', 'seller_wallet');
