-- The marketplace's operating settings, changed by admins through the settings service. One row
-- (id 1), absent until the first change: the defaults live in the code (settings::Settings).
-- version grows by one at every change; a change names the version it was read at, so two admins
-- saving at once cannot overwrite each other unseen. updated_by points at accounts.users; the
-- link is kept by the service (a module owns its tables).
CREATE TABLE marketplace_settings (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL CHECK (version > 0),
  platform_fee_basis_points BIGINT NOT NULL,
  bank_transfer_deadline_hours BIGINT NOT NULL,
  auto_confirm_days BIGINT NOT NULL,
  marketplace_name TEXT NOT NULL,
  notice TEXT NOT NULL,
  updated_by BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- The carriers the ship form offers and the accounts bank transfers are paid into, in the order
-- they are listed; rewritten whole with the row above.
CREATE TABLE settings_carriers (
  position BIGINT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE settings_bank_accounts (
  position BIGINT PRIMARY KEY,
  bank TEXT NOT NULL,
  account_number TEXT NOT NULL,
  holder TEXT NOT NULL
);
