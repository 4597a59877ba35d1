-- The search index: an inverted index kept in step with the listings (docs/SEARCH.md). The same
-- tables as on SQLite, so the same SQL serves both; COLLATE "C" keeps text ranges byte-ordered,
-- as the suggestion look-ups [prefix, prefix || U+10FFFF) expect.
CREATE TABLE search_documents (
  product_id BIGINT PRIMARY KEY,
  category_id BIGINT NOT NULL,
  seller_id BIGINT NOT NULL,
  price_amount BIGINT NOT NULL,
  in_stock INTEGER NOT NULL,
  rating_average DOUBLE PRECISION NOT NULL,
  popularity BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  name_terms BIGINT NOT NULL,
  description_terms BIGINT NOT NULL,
  -- The listing's distinct terms, space-separated: Remove deletes exactly these postings.
  terms TEXT NOT NULL
);

-- The postings: for each analyzer term, the listings that hold it and how often in the name and
-- in the description; the primary key is the index a query reads.
CREATE TABLE search_postings (
  term TEXT COLLATE "C" NOT NULL,
  product_id BIGINT NOT NULL,
  name_frequency INTEGER NOT NULL,
  description_frequency INTEGER NOT NULL,
  PRIMARY KEY (term, product_id)
);

-- Totals for BM25 (document count, total field lengths), kept by Index and Remove.
CREATE TABLE search_statistics (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  documents BIGINT NOT NULL,
  name_terms BIGINT NOT NULL,
  description_terms BIGINT NOT NULL
);
INSERT INTO search_statistics (id, documents, name_terms, description_terms) VALUES (1, 0, 0, 0);

-- The suggestion vocabulary: words of listing names with how many listings hold them, and their
-- 초성 for prefix look-ups typed that way.
CREATE TABLE search_words (
  word TEXT COLLATE "C" PRIMARY KEY,
  initials TEXT COLLATE "C" NOT NULL,
  listings BIGINT NOT NULL
);
CREATE INDEX search_words_initials ON search_words (initials);
CREATE TABLE search_document_words (
  product_id BIGINT NOT NULL,
  word TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (product_id, word)
);
