#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::search {

// What the index needs to know about one listing. The catalog (its owner) hands it over on every
// write, inside its own transaction, so the index never disagrees with the listings: only
// active listings are indexed; hiding or deleting one calls Remove.
struct IndexedProduct {
  core::ProductId id;
  core::CategoryId category;
  core::SellerId seller;
  std::string name;
  std::string description;
  std::int64_t price_amount = 0;  // minor units
  bool in_stock = true;
  double rating_average = 0;
  std::int64_t popularity = 0;
  std::int64_t created_at = 0;  // Unix seconds
  // The names of the listing's category and its ancestors, in every language (컴퓨터 노트북
  // Computers Laptops). They count as words of the name, so a query that names a category
  // (노트북) ranks the listings of that category above those that only mention the word
  // (노트북 배낭), and finds listings whose names leave the category unsaid.
  std::string category_names;
};

enum class SearchSort { relevance, price_ascending, price_descending, newest, rating };

struct SearchFilters {
  // The category and its whole subtree, expanded by the caller (the catalog owns the tree);
  // empty means every category.
  std::vector<core::CategoryId> categories;
  std::optional<std::int64_t> min_price;
  std::optional<std::int64_t> max_price;
  std::optional<core::SellerId> seller;
  bool in_stock_only = false;
};

struct SearchRequest {
  std::string text;
  SearchFilters filters;
  SearchSort sort = SearchSort::relevance;
  int page = 1;       // 1-based
  int per_page = 20;  // 1..kMaxPerPage
  // Upper bounds of the price facet's buckets, ascending; the last bucket is open-ended.
  std::vector<std::int64_t> price_bucket_limits = {10'000, 50'000, 100'000, 500'000, 1'000'000};
};

inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxPage = 1000;

struct FacetCount {
  std::int64_t value = 0;  // category id, seller id, or the bucket's lower bound
  std::int64_t count = 0;
};

struct SearchResult {
  std::vector<core::ProductId> ids;  // this page, best first
  std::int64_t total = 0;            // matches after filters
  // Counts over all matches of the text with the other filters applied (a facet ignores its own
  // filter, so its links can widen the choice again).
  std::vector<FacetCount> categories;     // most first; the caller rolls them up its tree
  std::vector<FacetCount> sellers;        // most first, at most 10
  std::vector<FacetCount> price_buckets;  // one per bucket, ascending, empty ones included
  // How the text was read when the literal query found nothing (or only loosely, or by accident):
  // the keyboard conversion (shxmqnr → 노트북) or the typo correction (노트묵 → 노트북, samsnug →
  // samsung); empty when the literal words were used.
  std::string interpreted_as;
  // True when no listing held every word and these hold most of them (노트북가방 finding
  // 노트북 파우치 가방): the page may say so.
  bool partial_match = false;
  // The query as normalised for trending (see AnalyzedQuery::normalized).
  std::string normalized_query;
};

enum class SearchError {
  invalid_page,   // 400: page or per_page out of range
  invalid_price,  // 400: negative, or min above max
};

std::string_view ErrorCode(SearchError error);

struct Suggestion {
  std::string text;           // a word of listing names, as written there
  std::int64_t listings = 0;  // how many active listings hold it
};

inline constexpr int kMaxSuggestions = 10;

// How large the index is (for /metrics).
struct SearchIndexSize {
  std::int64_t listings = 0;
  std::int64_t terms = 0;     // distinct analyzer terms
  std::int64_t postings = 0;  // (term, listing) pairs
  // The in-memory copy's approximate size; none when queries read the tables.
  std::optional<std::int64_t> memory_bytes;
};

struct SearchOptions {
  // Serve queries from an in-memory copy of the index: loaded from the tables at construction
  // (about 47 s and 1.2 GB at 1 M listings), brought up to date from search_changes before
  // every query, so committed writes show at once and rolled-back ones never. For stores far
  // above 10,000 listings, where the tables alone miss the latency bar (docs/SEARCH.md).
  bool in_memory = false;
};

// Full-text search over the listings, in the store's own database (see docs/SEARCH.md).
class SearchService {
 public:
  explicit SearchService(db::Database& database, SearchOptions options = {});
  ~SearchService();

  // For the owner's write path: call inside the same Write transaction as the listing change.
  // Index replaces whatever was indexed for the product.
  void Index(db::Connection& connection, const IndexedProduct& product);
  void Remove(db::Connection& connection, core::ProductId id);

  // Conveniences that open their own transaction (bulk loads, tests, rebuilds).
  void Index(std::span<const IndexedProduct> products);
  void Remove(core::ProductId id);

  // How many listings the index holds (the tables, whatever serves the queries).
  std::int64_t IndexedCount();

  // The start-up rebuild (and the one a migration that empties the index asks for): when the
  // index holds other than count_active() listings, runs index_all() (the owner re-indexes every
  // listing; returns how many) — on one node at a time. A node that finds another node rebuilding
  // skips it and serves what is there, catching up as the other node's writes commit; a lease
  // that was not released (the node died) lets another node in after 30 minutes. Returns the
  // listings indexed, as far as this node knows.
  std::int64_t EnsureIndexed(const std::function<std::int64_t()>& count_active,
                             const std::function<std::int64_t()>& index_all, core::TimePoint now);

  // The size of what serves the queries: the in-memory copy as of its last catching up (no
  // reads), or else the tables, whose postings are counted with one scan of their b-tree (tens
  // of milliseconds at 10,000 listings; stores far above that serve from memory).
  SearchIndexSize IndexSize();

  // Any text is a valid query: an empty or unreadable one finds nothing.
  std::expected<SearchResult, SearchError> Search(const SearchRequest& request);

  // Words of listing names starting with prefix, most listings first: plain prefixes (노트 →
  // 노트북), 초성 prefixes (ㄴㅌ → 노트북) and Korean typed in English mode (shxm → 노트북).
  std::vector<Suggestion> Suggest(std::string_view prefix, int limit = kMaxSuggestions);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::search
