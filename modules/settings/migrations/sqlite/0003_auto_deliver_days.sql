-- Days after shipment at which an order the shop never marked delivered becomes delivered (the
-- minute jobs' auto-deliver). A row saved before this column existed gets the default the code
-- applies while no row is saved.
ALTER TABLE marketplace_settings ADD COLUMN auto_deliver_days INTEGER NOT NULL DEFAULT 14;
