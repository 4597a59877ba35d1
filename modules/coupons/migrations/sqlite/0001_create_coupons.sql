-- Coupons (docs/BUYING.md §10). issuer_id is a shop (sellers.shops) or NULL for the marketplace.
-- kind amount: `amount` minor units off; kind percent: `percent` (1..90) of the goods, rounded
-- down to the minor unit, at most maximum_discount when set. claimed counts the members who took
-- one, never past total_limit (a conditional UPDATE keeps it). Times are Unix seconds.
CREATE TABLE coupons (
  id INTEGER PRIMARY KEY,
  issuer_id INTEGER,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('amount', 'percent')),
  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  percent INTEGER NOT NULL DEFAULT 0 CHECK (percent >= 0 AND percent <= 90),
  maximum_discount INTEGER CHECK (maximum_discount > 0),
  minimum_order INTEGER NOT NULL DEFAULT 0 CHECK (minimum_order >= 0),
  currency TEXT NOT NULL DEFAULT 'KPW',
  valid_from INTEGER NOT NULL,
  valid_until INTEGER NOT NULL,
  total_limit INTEGER NOT NULL CHECK (total_limit > 0),
  claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed >= 0 AND claimed <= total_limit),
  active INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX coupons_issuer ON coupons (issuer_id, id);

-- One claim per member and coupon (insert-first on the UNIQUE pair). used_order_id is the order
-- the coupon went to (the first of the checkout for a marketplace coupon), NULL while unused.
CREATE TABLE coupon_claims (
  id INTEGER PRIMARY KEY,
  coupon_id INTEGER NOT NULL REFERENCES coupons (id),
  user_id INTEGER NOT NULL,
  claimed_at INTEGER NOT NULL,
  used_order_id INTEGER,
  used_at INTEGER,
  UNIQUE (coupon_id, user_id)
);
CREATE INDEX coupon_claims_user ON coupon_claims (user_id, id);
