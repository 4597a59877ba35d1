-- Coupons (see the SQLite twin): the house account promotions pays the marketplace's coupons.
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_check
  CHECK (kind IN ('buyer_wallet', 'seller_wallet', 'escrow', 'platform_fees', 'cash', 'payout_clearing', 'bank',
                  'promotions'));
INSERT INTO ledger_accounts (kind, owner_id) VALUES ('promotions', 0);
