-- How each order travels (docs/BUYING.md §1a). delivery_fee already exists (0 until now); an
-- order placed before delivery options went by courier. pickup_place is the shop's place as it
-- was at checkout, so a later change of the shop's settings does not rewrite the order.
ALTER TABLE orders ADD COLUMN delivery_method TEXT NOT NULL DEFAULT 'courier' CHECK (delivery_method IN ('courier', 'pickup'));
ALTER TABLE orders ADD COLUMN pickup_place TEXT NOT NULL DEFAULT '';
