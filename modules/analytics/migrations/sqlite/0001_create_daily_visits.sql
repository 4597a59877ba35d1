-- One row per calendar day in the marketplace's zone ('YYYY-MM-DD'); counts are added in batches.
CREATE TABLE daily_visits (
  day TEXT PRIMARY KEY,
  visits INTEGER NOT NULL DEFAULT 0,
  page_views INTEGER NOT NULL DEFAULT 0
);
