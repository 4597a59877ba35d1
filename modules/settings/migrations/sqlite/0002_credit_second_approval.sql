-- The two-person rule's limit for wallet credits, in won: a credit above it waits for a second
-- admin (0: every credit does). A row saved before this column existed ran with the rule's fixed
-- limit of 1,000,000 won, so it keeps that; rows written from now on name the value themselves.
ALTER TABLE marketplace_settings ADD COLUMN credit_second_approval_above INTEGER NOT NULL DEFAULT 1000000;
