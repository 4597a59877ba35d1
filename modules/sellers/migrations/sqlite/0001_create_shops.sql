-- Shops own products. owner_user_id points at accounts.users; the link is kept by the services
-- (a module owns its tables), so there is no cross-module foreign key.
CREATE TABLE shops (
  id INTEGER PRIMARY KEY,
  owner_user_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at INTEGER NOT NULL
);
CREATE INDEX shops_owner ON shops (owner_user_id);
CREATE INDEX shops_status ON shops (status);
