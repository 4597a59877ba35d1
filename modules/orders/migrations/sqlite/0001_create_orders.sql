-- One order per shop per checkout. buyer_id → accounts.users, seller_id → sellers.shops,
-- product_id → catalog.products: kept by the services (a module owns its tables). Money is
-- whole won (KPW); a line keeps its listing's price and the exchange rate used.
CREATE TABLE checkouts (
  id INTEGER PRIMARY KEY,
  buyer_id INTEGER NOT NULL,
  idempotency_key TEXT,
  request TEXT NOT NULL,      -- the command, canonical, to tell a replay from a different request
  receipt TEXT NOT NULL,      -- what was answered, returned again on a replay
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX checkouts_idempotency ON checkouts (buyer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  checkout_id INTEGER NOT NULL REFERENCES checkouts (id),
  buyer_id INTEGER NOT NULL,
  seller_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('awaiting_payment', 'paid', 'preparing', 'shipped', 'delivered',
                                         'confirmed', 'cancelled', 'return_requested', 'returned')),
  payment_method TEXT NOT NULL CHECK (payment_method IN ('wallet', 'cod', 'bank_transfer')),
  subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
  delivery_fee INTEGER NOT NULL DEFAULT 0 CHECK (delivery_fee >= 0),
  total INTEGER NOT NULL CHECK (total = subtotal + delivery_fee),
  address TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX orders_buyer ON orders (buyer_id, id);
CREATE INDEX orders_seller ON orders (seller_id, id);
CREATE INDEX orders_status ON orders (status, updated_at);

CREATE TABLE order_lines (
  order_id INTEGER NOT NULL REFERENCES orders (id),
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

-- The status timeline; from_status is NULL for the order's creation.
CREATE TABLE order_steps (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  party TEXT NOT NULL CHECK (party IN ('buyer', 'seller', 'admin', 'system')),
  actor_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX order_steps_order ON order_steps (order_id, id);
