-- The search index: an inverted index kept in step with the listings (docs/SEARCH.md).
-- One row per indexed listing with what filters, sorts, facets and BM25 need.
CREATE TABLE search_documents (
  product_id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL,
  seller_id INTEGER NOT NULL,
  price_amount INTEGER NOT NULL,
  in_stock INTEGER NOT NULL,
  rating_average REAL NOT NULL,
  popularity INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  name_terms INTEGER NOT NULL,
  description_terms INTEGER NOT NULL,
  -- The listing's distinct terms, space-separated: Remove deletes exactly these postings. Cheaper
  -- than a second index of the postings by listing, which would almost double their size.
  terms TEXT NOT NULL
);

-- The postings: for each analyzer term, the listings that hold it and how often in the name and
-- in the description. The primary key is the covering index a query reads (term, then listings
-- in id order, ready to intersect); WITHOUT ROWID keeps it one b-tree.
CREATE TABLE search_postings (
  term TEXT NOT NULL,
  product_id INTEGER NOT NULL,
  name_frequency INTEGER NOT NULL,
  description_frequency INTEGER NOT NULL,
  PRIMARY KEY (term, product_id)
) WITHOUT ROWID;

-- Totals for BM25 (document count, average field lengths), kept by Index and Remove.
CREATE TABLE search_statistics (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  documents INTEGER NOT NULL,
  name_terms INTEGER NOT NULL,
  description_terms INTEGER NOT NULL
);
INSERT INTO search_statistics (id, documents, name_terms, description_terms) VALUES (1, 0, 0, 0);

-- The suggestion vocabulary: words of listing names with how many listings hold them, and their
-- 초성 and 2-set keystrokes for prefix look-ups typed those ways.
CREATE TABLE search_words (
  word TEXT PRIMARY KEY,
  initials TEXT NOT NULL,
  listings INTEGER NOT NULL
);
CREATE INDEX search_words_initials ON search_words (initials);
CREATE TABLE search_document_words (
  product_id INTEGER NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (product_id, word)
) WITHOUT ROWID;
