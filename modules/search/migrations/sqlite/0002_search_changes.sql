-- Every Index and Remove, in commit order, with the terms the listing held before: a node that
-- serves queries from memory (memory_index.hpp) replays these to stay in step with the tables,
-- and a rolled-back write never appears here. Old entries are pruned by the write path.
CREATE TABLE search_changes (
  sequence INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL,
  removed_terms TEXT NOT NULL
);
