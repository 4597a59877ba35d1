-- A member's saved products (찜), the shops they follow, and the products they viewed lately.
-- user_id → accounts.users, product_id → catalog.products, seller_id → sellers.shops: kept by
-- the service (a module owns its tables). The price is the one the member saw when saving, in
-- the catalog's minor units and currency, so the list can show how much it has dropped since; the
-- name is kept for a listing that is no longer sold.
CREATE TABLE wishlist_items (
  user_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  product_name TEXT NOT NULL,
  saved_price_amount BIGINT NOT NULL,
  saved_currency TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, product_id)
);
CREATE INDEX wishlist_items_newest ON wishlist_items (user_id, saved_at, product_id);

CREATE TABLE shop_follows (
  user_id BIGINT NOT NULL,
  seller_id BIGINT NOT NULL,
  followed_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, seller_id)
);
CREATE INDEX shop_follows_newest ON shop_follows (user_id, followed_at, seller_id);

-- At most kRecentlyViewedKept rows per member: each view upserts its row and trims the oldest.
CREATE TABLE recently_viewed (
  user_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  viewed_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, product_id)
);
CREATE INDEX recently_viewed_newest ON recently_viewed (user_id, viewed_at, product_id);
