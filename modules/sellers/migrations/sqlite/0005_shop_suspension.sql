-- An admin may suspend an approved shop (issue 11): its listings leave the marketplace (the
-- catalog hides them in the same transaction) while its open orders are still fulfilled. The
-- status list is a CHECK of the table, and SQLite cannot change a CHECK in place, so the table is
-- built again with the same rows. Nothing refers to shops by foreign key (a module owns its tables).
-- suspension_reason is the admin's words; suspended_at and suspended_by (accounts.users) say
-- when and who; all three are kept after an unsuspension as the last suspension's record (the
-- audit log holds every one).
CREATE TABLE shops_with_suspension (
  id INTEGER PRIMARY KEY,
  owner_user_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'suspended')),
  created_at INTEGER NOT NULL,
  courier_fee INTEGER NOT NULL DEFAULT 0 CHECK (courier_fee >= 0),
  free_courier_from INTEGER CHECK (free_courier_from IS NULL OR free_courier_from > 0),
  pickup_offered INTEGER NOT NULL DEFAULT 0 CHECK (pickup_offered IN (0, 1)),
  pickup_place TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  rejection_reason TEXT NOT NULL DEFAULT '',
  decided_at INTEGER,
  logo_url TEXT NOT NULL DEFAULT '',
  suspension_reason TEXT NOT NULL DEFAULT '',
  suspended_at INTEGER,
  suspended_by INTEGER
);
INSERT INTO shops_with_suspension (id, owner_user_id, name, description, city, status, created_at, courier_fee,
                                   free_courier_from, pickup_offered, pickup_place, phone, rejection_reason,
                                   decided_at, logo_url)
  SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from,
         pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url
  FROM shops;
DROP TABLE shops;
ALTER TABLE shops_with_suspension RENAME TO shops;
CREATE INDEX shops_owner ON shops (owner_user_id);
CREATE INDEX shops_status ON shops (status);
CREATE UNIQUE INDEX shops_one_pending_per_owner ON shops (owner_user_id) WHERE status = 'pending';
