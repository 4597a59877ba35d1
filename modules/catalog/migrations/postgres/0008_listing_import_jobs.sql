-- The seller's CSV imports that run in the background (docs/SELLING.md), kept in the store so
-- that any node shows a job's progress and any node's worker takes a job over when the node
-- running it died. owner_id → accounts.users, kept by the service (the catalog stands below
-- accounts). A worker claims a waiting job, or a running one whose lease ran out, and renews
-- lease_until while it works; claimed_by names its node (host, process, random).
CREATE TABLE listing_import_jobs (
  id TEXT PRIMARY KEY,
  owner_id BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'running', 'finished', 'failed')),
  rows_total BIGINT NOT NULL,
  rows_refused_on_reading BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  claimed_by TEXT,
  lease_until BIGINT
);
CREATE INDEX listing_import_jobs_queue ON listing_import_jobs (status, created_at);
CREATE INDEX listing_import_jobs_owner ON listing_import_jobs (owner_id, status);

-- The job's plan, one row per listing (input: the ListingInput and its spreadsheet rows as
-- JSON). A listing leaves 'waiting' in the transaction that creates it, or that records why it
-- was refused, so a resumed job neither skips nor repeats one.
CREATE TABLE listing_import_job_listings (
  job_id TEXT NOT NULL REFERENCES listing_import_jobs (id) ON DELETE CASCADE,
  listing_index BIGINT NOT NULL,
  input TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'created', 'refused')),
  product_id BIGINT,
  PRIMARY KEY (job_id, listing_index)
);

-- The rows that were not imported: those refused on reading (written with the job) and those
-- the listing service refused (written with their listing's status).
CREATE TABLE listing_import_job_errors (
  job_id TEXT NOT NULL REFERENCES listing_import_jobs (id) ON DELETE CASCADE,
  file_row BIGINT NOT NULL,
  code TEXT NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (job_id, file_row)
);
