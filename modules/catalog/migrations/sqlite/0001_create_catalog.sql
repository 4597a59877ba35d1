-- Categories form a small tree (top categories with subcategories) that the service caches.
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories (id),
  slug TEXT NOT NULL UNIQUE,
  name_ko TEXT NOT NULL,
  name_en TEXT NOT NULL,
  colour TEXT NOT NULL,
  icon TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

-- seller_id points at sellers.shops, kept by the services (a module owns its tables).
-- Money is integer minor units of currency; times are Unix seconds.
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  seller_id INTEGER NOT NULL,
  category_id INTEGER NOT NULL REFERENCES categories (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  price_amount INTEGER NOT NULL CHECK (price_amount >= 0),
  currency TEXT NOT NULL CHECK (currency IN ('KPW', 'USD', 'CNY')),
  stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'hidden', 'deleted')),
  rating_average REAL NOT NULL DEFAULT 0,
  rating_count INTEGER NOT NULL DEFAULT 0,
  popularity INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Listings filter on status (and category, seller) and order by one of these columns; id breaks
-- ties so that pages are stable.
CREATE INDEX products_category_newest ON products (category_id, status, created_at, id);
CREATE INDEX products_category_popular ON products (category_id, status, popularity, id);
CREATE INDEX products_category_price ON products (category_id, status, price_amount, id);
CREATE INDEX products_category_rating ON products (category_id, status, rating_average, id);
CREATE INDEX products_newest ON products (status, created_at, id);
CREATE INDEX products_popular ON products (status, popularity, id);
CREATE INDEX products_seller ON products (seller_id, status, created_at, id);

CREATE TABLE product_images (
  product_id INTEGER NOT NULL REFERENCES products (id),
  position INTEGER NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (product_id, position)
);
