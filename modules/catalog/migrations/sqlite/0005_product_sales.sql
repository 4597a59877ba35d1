-- What makes a listing popular: the units of its paid orders, each sale counting for 30 days and
-- less as it ages (PopularityRepository). One row per order and listing (an option's sale counts
-- for its listing); a cancelled or returned order's rows are deleted. order_id is the orders
-- module's id, kept without a foreign key: orders stand above the catalog.
CREATE TABLE product_sales (
  order_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products (id),
  units INTEGER NOT NULL,
  paid_at INTEGER NOT NULL,
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX product_sales_recent ON product_sales (paid_at, product_id);
-- Until now popularity counted units reserved, never taken back by a cancel: start again.
UPDATE products SET popularity = 0;
