-- Shipping (docs/BUYING.md §3b): the carrier and its tracking number, set by the ship move and
-- shown to the buyer. Orders shipped before this column have neither ('').
ALTER TABLE orders ADD COLUMN carrier TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN tracking_number TEXT NOT NULL DEFAULT '';
-- A shop's orders by day (OrderService::ShopSales) read a range of created_at per shop.
CREATE INDEX orders_seller_created ON orders (seller_id, created_at);
