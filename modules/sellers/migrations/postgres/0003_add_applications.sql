-- Seller applications (issue 5): a shop is the application itself, created pending. The phone is
-- for the admin who decides (not shown to buyers); the rejection reason is shown to the applicant;
-- decided_at is when an admin approved or rejected it (NULL while pending).
ALTER TABLE shops ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN decided_at BIGINT;
-- One open application per member: the service checks it inside the write transaction, and the
-- store refuses a second pending shop even if two writers ever raced (PostgreSQL).
CREATE UNIQUE INDEX shops_one_pending_per_owner ON shops (owner_user_id) WHERE status = 'pending';
