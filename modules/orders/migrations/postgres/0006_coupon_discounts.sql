-- Coupons on an order (see the SQLite twin).
ALTER TABLE orders ADD COLUMN shop_discount BIGINT NOT NULL DEFAULT 0 CHECK (shop_discount >= 0);
ALTER TABLE orders ADD COLUMN site_discount BIGINT NOT NULL DEFAULT 0 CHECK (site_discount >= 0);
ALTER TABLE orders ADD COLUMN shop_claim_id BIGINT;
ALTER TABLE orders ADD COLUMN site_claim_id BIGINT;
ALTER TABLE orders DROP CONSTRAINT orders_check;
ALTER TABLE orders ADD CONSTRAINT orders_total_check
  CHECK (total = subtotal + delivery_fee - shop_discount - site_discount AND total >= 0);
CREATE INDEX orders_site_claim ON orders (site_claim_id) WHERE site_claim_id IS NOT NULL;
