-- A cart per member; guest carts (by cookie token) will get their own column and merge at login.
-- user_id points at accounts.users and product_id at catalog.products (kept by the services).
CREATE TABLE carts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE,
  updated_at INTEGER NOT NULL
);

CREATE TABLE cart_items (
  cart_id INTEGER NOT NULL REFERENCES carts (id),
  product_id INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (cart_id, product_id)
);
