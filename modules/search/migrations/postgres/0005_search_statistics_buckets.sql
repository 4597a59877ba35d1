-- The BM25 totals were one row that every Index and Remove updated: with several nodes every
-- listing write serialised on it (and conflicted under SERIALIZABLE). They are now spread over
-- 64 rows, a listing's deltas going to product_id % 64, and read as the sum of the rows.
CREATE TABLE search_statistics_buckets (
  bucket INTEGER PRIMARY KEY,
  documents BIGINT NOT NULL,
  name_terms BIGINT NOT NULL,
  description_terms BIGINT NOT NULL
);
INSERT INTO search_statistics_buckets (bucket, documents, name_terms, description_terms)
  SELECT product_id % 64, COUNT(*), SUM(name_terms), SUM(description_terms)
  FROM search_documents GROUP BY product_id % 64;
DROP TABLE search_statistics;
