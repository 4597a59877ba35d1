-- Coupons on an order (docs/BUYING.md §10): the shop's coupon lowers the sale (the shop receives
-- less), the marketplace's part is paid by the marketplace (promotions → escrow with the
-- payment). total is what the buyer pays: subtotal + delivery_fee − shop_discount − site_discount.
-- The claims (coupons.coupon_claims) are kept to give them back when the order is cancelled.
-- SQLite cannot change the total's CHECK in place, so the order tables are rebuilt as in 0005,
-- every row keeping its id (orders before coupons have no discounts).
CREATE TABLE orders_new (
  id INTEGER PRIMARY KEY,
  checkout_id INTEGER NOT NULL REFERENCES checkouts (id),
  buyer_id INTEGER NOT NULL,
  seller_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('awaiting_payment', 'paid', 'preparing', 'shipped', 'delivered',
                                         'confirmed', 'cancelled', 'return_requested', 'returned',
                                         'return_refused', 'disputed')),
  payment_method TEXT NOT NULL CHECK (payment_method IN ('wallet', 'cod', 'bank_transfer')),
  subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
  delivery_fee INTEGER NOT NULL DEFAULT 0 CHECK (delivery_fee >= 0),
  shop_discount INTEGER NOT NULL DEFAULT 0 CHECK (shop_discount >= 0),
  site_discount INTEGER NOT NULL DEFAULT 0 CHECK (site_discount >= 0),
  total INTEGER NOT NULL CHECK (total = subtotal + delivery_fee - shop_discount - site_discount AND total >= 0),
  address TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  delivery_method TEXT NOT NULL DEFAULT 'courier' CHECK (delivery_method IN ('courier', 'pickup')),
  pickup_place TEXT NOT NULL DEFAULT '',
  carrier TEXT NOT NULL DEFAULT '',
  tracking_number TEXT NOT NULL DEFAULT '',
  shop_claim_id INTEGER,
  site_claim_id INTEGER
);
INSERT INTO orders_new (id, checkout_id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total,
                        address, created_at, updated_at, delivery_method, pickup_place, carrier, tracking_number)
  SELECT id, checkout_id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total, address,
         created_at, updated_at, delivery_method, pickup_place, carrier, tracking_number FROM orders;

CREATE TABLE order_lines_new (
  order_id INTEGER NOT NULL REFERENCES orders_new (id),
  position INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_amount INTEGER NOT NULL CHECK (unit_amount >= 0),
  unit_currency TEXT NOT NULL CHECK (unit_currency IN ('KPW', 'USD', 'CNY')),
  rate INTEGER NOT NULL CHECK (rate > 0),
  unit_kpw INTEGER NOT NULL CHECK (unit_kpw >= 0),
  line_kpw INTEGER NOT NULL CHECK (line_kpw = unit_kpw * quantity),
  PRIMARY KEY (order_id, position)
);
INSERT INTO order_lines_new SELECT order_id, position, product_id, name, quantity, unit_amount, unit_currency, rate,
                                   unit_kpw, line_kpw FROM order_lines;

CREATE TABLE order_steps_new (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders_new (id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  party TEXT NOT NULL CHECK (party IN ('buyer', 'seller', 'admin', 'system')),
  actor_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
INSERT INTO order_steps_new SELECT id, order_id, from_status, to_status, party, actor_id, note, created_at
  FROM order_steps;

DROP TABLE order_steps;
DROP TABLE order_lines;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
ALTER TABLE order_lines_new RENAME TO order_lines;
ALTER TABLE order_steps_new RENAME TO order_steps;
CREATE INDEX orders_buyer ON orders (buyer_id, id);
CREATE INDEX orders_seller ON orders (seller_id, id);
CREATE INDEX orders_status ON orders (status, updated_at);
CREATE INDEX orders_seller_created ON orders (seller_id, created_at);
CREATE INDEX order_steps_order ON order_steps (order_id, id);
CREATE INDEX orders_site_claim ON orders (site_claim_id) WHERE site_claim_id IS NOT NULL;
