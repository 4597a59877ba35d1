-- 실시간 검색어 in the store, so that every node ranks the same searches: one row per counted
-- search (a visitor counts once per query per ten minutes; the visitor is kept only as a hash of
-- its key). Rows older than the ranking's 70 minutes are deleted as searches are recorded.
CREATE TABLE search_trending_searches (
  query TEXT NOT NULL,
  visitor_hash INTEGER NOT NULL,
  searched_at INTEGER NOT NULL,
  PRIMARY KEY (query, visitor_hash, searched_at)
) WITHOUT ROWID;
CREATE INDEX search_trending_searches_time ON search_trending_searches (searched_at, query);

-- Who is rebuilding the index (SearchService::EnsureIndexed): one node at a time, the lease
-- expiring in case that node dies.
CREATE TABLE search_rebuild_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
