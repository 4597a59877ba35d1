-- A shop's delivery options (docs/BUYING.md §1a). Existing shops keep charging what they charged
-- before the options existed: courier for free, no pickup. A migration must not put a fee on a
-- shop's orders that its owner never chose; the owner sets one with PUT /api/v1/seller/shop/delivery.
-- free_courier_from NULL: courier is never free. pickup_offered is 0/1, as booleans are everywhere.
ALTER TABLE shops ADD COLUMN courier_fee BIGINT NOT NULL DEFAULT 0 CHECK (courier_fee >= 0);
ALTER TABLE shops ADD COLUMN free_courier_from BIGINT CHECK (free_courier_from IS NULL OR free_courier_from > 0);
ALTER TABLE shops ADD COLUMN pickup_offered INTEGER NOT NULL DEFAULT 0 CHECK (pickup_offered IN (0, 1));
ALTER TABLE shops ADD COLUMN pickup_place TEXT NOT NULL DEFAULT '';
