-- A member's address book (user_id → accounts.users, kept by the services). An order copies
-- the address text it was sent to, so rows here may change or go without touching any order.
CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  phone TEXT NOT NULL,
  line TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at INTEGER NOT NULL
);
CREATE INDEX addresses_user ON addresses (user_id, is_default, id);
