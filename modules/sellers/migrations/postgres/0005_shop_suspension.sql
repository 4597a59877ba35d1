-- An admin may suspend an approved shop (issue 11): its listings leave the marketplace (the
-- catalog hides them in the same transaction) while its open orders are still fulfilled.
-- suspension_reason is the admin's words; suspended_at and suspended_by (accounts.users) say
-- when and who; all three are kept after an unsuspension as the last suspension's record (the
-- audit log holds every one).
ALTER TABLE shops DROP CONSTRAINT shops_status_check;
ALTER TABLE shops ADD CONSTRAINT shops_status_check
  CHECK (status IN ('pending', 'approved', 'rejected', 'suspended'));
ALTER TABLE shops ADD COLUMN suspension_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN suspended_at BIGINT;
ALTER TABLE shops ADD COLUMN suspended_by BIGINT;
