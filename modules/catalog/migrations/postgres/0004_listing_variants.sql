-- A listing's options (size, colour) are products rows of their own, pointing at the listing by
-- parent_id, so that the cart, checkout and orders take them like any product. They are stored
-- with status 'hidden' (a removed one 'deleted'): every listing query, count and index reads
-- status = 'active' and passes them by without a new condition; checkout sells an option while its
-- listing is active. A listing with options (has_variants = 1) is not sold itself: its stock is
-- the sum of its options' and its price the lowest of theirs, kept in the same transactions.
ALTER TABLE products ADD COLUMN parent_id BIGINT REFERENCES products (id);
ALTER TABLE products ADD COLUMN option_size TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN option_colour TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN has_variants INTEGER NOT NULL DEFAULT 0;
-- Partial: a query without "parent_id = ?" can never pick it over the listing indexes.
CREATE INDEX products_variants ON products (parent_id, id) WHERE parent_id IS NOT NULL;

-- The smaller picture for cards and lists (media's list size); empty for pictures stored before
-- there were two sizes, which then serve both.
ALTER TABLE product_images ADD COLUMN list_url TEXT NOT NULL DEFAULT '';
