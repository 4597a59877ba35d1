-- Returns a shop refuses and the disputes that follow (docs/BUYING.md §3): two statuses,
-- return_refused (the shop's reason is the step's note) and disputed (the buyer asked the
-- marketplace to decide). The status check is widened in place.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('awaiting_payment', 'paid', 'preparing',
  'shipped', 'delivered', 'confirmed', 'cancelled', 'return_requested', 'returned', 'return_refused', 'disputed'));
