-- A shop's page views (its product pages and shop page) per calendar day in the marketplace's
-- zone, and the search words that led to them. Counts are added in batches by the analytics
-- flush. No foreign key to sellers: analytics sits below sellers in the module order, and a
-- count for a shop that is later removed harms nothing.
CREATE TABLE shop_views (
  seller_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  views BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (seller_id, day)
);

-- Kept for kSearchTermRetentionDays days (older rows are pruned by the flush).
CREATE TABLE shop_search_terms (
  seller_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  query TEXT NOT NULL,
  count BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (seller_id, day, query)
);
CREATE INDEX shop_search_terms_by_day ON shop_search_terms (day);
