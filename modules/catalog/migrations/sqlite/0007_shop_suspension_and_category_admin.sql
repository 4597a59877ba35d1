-- Issue 11, the admin console.
--
-- A suspended shop's listings: when an admin suspends a shop, its active listings are hidden
-- (status 'hidden', so every listing query, count and the search index pass them by as they do
-- any hidden listing, on every node, in the suspension's own transaction) and named here, so that
-- lifting the suspension shows exactly those again and never one its seller had hidden. seller_id
-- → sellers.shops, kept by the service (no foreign key to another module's table).
CREATE TABLE shop_suspended_listings (
  product_id INTEGER PRIMARY KEY,
  seller_id INTEGER NOT NULL
);
CREATE INDEX shop_suspended_listings_seller ON shop_suspended_listings (seller_id);

-- The category tree is managed by admins now. A retired category (no listings left in it) leaves
-- the tree and its pages; its row stays, since orders and old listings may still name it.
ALTER TABLE categories ADD COLUMN retired_at INTEGER;
-- Every change to the tree adds one, in the change's transaction: each node keeps the tree in
-- memory and reads it again when this number has moved (CatalogService::Categories).
CREATE TABLE category_tree_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO category_tree_version (id, version) VALUES (1, 0);
