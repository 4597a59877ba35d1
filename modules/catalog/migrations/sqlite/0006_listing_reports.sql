-- Members report listings (one report per member and listing: the unique index makes a second
-- one a no-op, whatever the race); an admin dismisses them or takes the listing down, which
-- closes every open report of that listing. reporter_id and resolved_by → accounts.users, kept
-- by the service (the catalog stands below accounts).
CREATE TABLE listing_reports (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id),
  reporter_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('false_claim', 'prohibited_item', 'copyright', 'suspected_fraud', 'other')),
  details TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'taken_down')),
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by INTEGER
);
CREATE UNIQUE INDEX listing_reports_one_per_member ON listing_reports (product_id, reporter_id);
CREATE INDEX listing_reports_status ON listing_reports (status, product_id);

-- A listing an admin took down: hidden (status 'hidden') with the admin's reason, which its
-- seller reads, and the status it had, which a restore gives back. While the row exists the
-- seller cannot show the listing again.
CREATE TABLE listing_take_downs (
  product_id INTEGER PRIMARY KEY REFERENCES products (id),
  reason TEXT NOT NULL,
  admin_id INTEGER NOT NULL,
  status_before TEXT NOT NULL,
  taken_down_at INTEGER NOT NULL
);
