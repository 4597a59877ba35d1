-- A cart belongs to a member (user_id → accounts.users) or to a guest's browser (guest_token, a
-- random value in a cookie); a guest cart is merged into the member's at login and removed.
-- product_id points at catalog.products (kept by the services).
CREATE TABLE carts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER UNIQUE,
  guest_token TEXT UNIQUE,
  updated_at INTEGER NOT NULL,
  CHECK ((user_id IS NULL) <> (guest_token IS NULL))
);
CREATE INDEX carts_guest_age ON carts (updated_at) WHERE guest_token IS NOT NULL;

CREATE TABLE cart_items (
  cart_id INTEGER NOT NULL REFERENCES carts (id),
  product_id INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (cart_id, product_id)
);
