-- Reviews of order lines, their reports, and questions about products. product_id →
-- catalog.products, seller_id → sellers.shops, author_id / asker_id / reporter_id →
-- accounts.users, (order_id, order_position) → orders.order_lines: kept by the services (a
-- module owns its tables). One review per order line; hidden ones count nowhere.
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL,
  seller_id INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  author_name TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  order_position INTEGER NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  report_count INTEGER NOT NULL DEFAULT 0 CHECK (report_count >= 0),
  reply TEXT,
  replied_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX reviews_order_line ON reviews (order_id, order_position);
CREATE INDEX reviews_product_newest ON reviews (product_id, hidden, created_at, id);
CREATE INDEX reviews_product_rating ON reviews (product_id, hidden, rating, created_at, id);

CREATE TABLE review_reports (
  review_id INTEGER NOT NULL REFERENCES reviews (id),
  reporter_id INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (review_id, reporter_id)
);

CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL,
  seller_id INTEGER NOT NULL,
  asker_id INTEGER NOT NULL,
  asker_name TEXT NOT NULL,
  body TEXT NOT NULL,
  is_private INTEGER NOT NULL DEFAULT 0 CHECK (is_private IN (0, 1)),
  answer TEXT,
  answered_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX questions_product ON questions (product_id, created_at, id);
CREATE INDEX questions_shop ON questions (seller_id, answered_at, created_at, id);
