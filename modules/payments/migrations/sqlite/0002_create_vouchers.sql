-- Prepaid voucher codes: an admin mints a batch, a buyer redeems a code once into the wallet
-- (a top_up transfer cash → wallet, reference "voucher:<id>"). Only a hash of each code is kept:
-- a copy of the store does not give away spendable codes.
CREATE TABLE voucher_batches (
  id INTEGER PRIMARY KEY,
  amount INTEGER NOT NULL CHECK (amount > 0),
  count INTEGER NOT NULL CHECK (count > 0),
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE vouchers (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES voucher_batches (id),
  code_hash TEXT NOT NULL UNIQUE,
  redeemed_by INTEGER,
  redeemed_at INTEGER
);
CREATE INDEX vouchers_batch ON vouchers (batch_id);
