#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/search/search.hpp"

namespace manmulsang::search {

// All SQL of the search module. The index tables are search_* (migrations/sqlite); the catalog's
// tables are never read here — the catalog feeds IndexedProduct values in.

struct Posting {
  std::int64_t product_id = 0;
  std::int32_t name_frequency = 0;
  std::int32_t description_frequency = 0;
};

struct TermFrequency {
  std::string term;
  std::int64_t name_frequency = 0;
  std::int64_t description_frequency = 0;
};

struct DocumentRow {
  std::int64_t product_id = 0;
  std::int64_t category_id = 0;
  std::int64_t seller_id = 0;
  std::int64_t price_amount = 0;
  bool in_stock = false;
  double rating_average = 0;
  std::int64_t popularity = 0;
  std::int64_t created_at = 0;
  std::int64_t name_terms = 0;
  std::int64_t description_terms = 0;
};

// Where a change stands in the change feed. Readers take changes in (transaction_id, sequence)
// order: on PostgreSQL transaction_id is the writer's transaction id, and only changes of
// transactions that have all ended are read, so nothing can appear behind a reader's position;
// on SQLite it is always 0 and the sequence is the commit order.
struct ChangePosition {
  std::int64_t transaction_id = 0;
  std::int64_t sequence = 0;
  bool operator==(const ChangePosition&) const = default;
};

struct IndexStatistics {
  std::int64_t documents = 0;
  std::int64_t name_terms = 0;
  std::int64_t description_terms = 0;
};

// What a query reads: the store's tables, or the in-memory copy of them (memory_index.hpp).
class IndexReader {
 public:
  virtual ~IndexReader() = default;
  // Listings in product id order.
  virtual std::vector<Posting> Postings(std::string_view term) = 0;
  virtual IndexStatistics Statistics() = 0;
  virtual std::optional<DocumentRow> FindDocument(std::int64_t product_id) = 0;
  // The documents holding term, in product id order: one read instead of one look-up per
  // listing when a query's rarest term bounds the matches.
  virtual std::vector<DocumentRow> DocumentsWithTerm(std::string_view term) = 0;
};

class SearchRepository final : public IndexReader {
 public:
  explicit SearchRepository(db::Connection& connection) : connection_(connection) {}

  std::optional<DocumentRow> FindDocument(std::int64_t product_id) override;
  std::vector<DocumentRow> DocumentsWithTerm(std::string_view term) override;
  // Every document, a page at a time in product id order, starting after after_product_id.
  std::vector<DocumentRow> DocumentsAfter(std::int64_t after_product_id, int limit);
  // Every posting, a page at a time in (term, product id) order, starting after the given pair.
  std::vector<std::pair<std::string, Posting>> PostingsAfter(std::string_view after_term, std::int64_t after_product_id,
                                                             int limit);
  // terms: the listing's distinct terms, kept for DeletePostings.
  void InsertDocument(const DocumentRow& document, std::string_view terms);
  void DeleteDocument(std::int64_t product_id);

  void InsertPostings(std::int64_t product_id, const std::vector<TermFrequency>& terms);
  // Deletes the postings of the terms InsertDocument recorded for the listing; returns those
  // terms (space-separated), empty when the listing was not indexed.
  std::string DeletePostings(std::int64_t product_id);
  // The listing's postings as now stored, for a memory index catching up.
  std::vector<std::pair<std::string, Posting>> PostingsOf(std::int64_t product_id);

  struct Change {
    ChangePosition position;
    std::int64_t product_id = 0;
    std::string removed_terms;
    // No change can commit before it any more (see ChangesAfter); a reader's position moves
    // only past final changes.
    bool final = true;
  };
  // Returns the change's sequence number.
  std::int64_t RecordChange(std::int64_t product_id, std::string_view removed_terms);
  // The committed changes after `after`, in commit order (see ChangePosition), at most limit;
  // those not yet final come last.
  std::vector<Change> ChangesAfter(ChangePosition after, int limit);
  // The newest final change; {0, 0} when there is none.
  ChangePosition LastChange();
  // The oldest change after `after` still in the log, final or not; {0, 0} when there is none.
  ChangePosition FirstChangeAfter(ChangePosition after);
  // Whether that change is still in the log (not pruned).
  bool HasChange(ChangePosition position);
  // Keeps the newest `keep` changes and the one before them (a reader that stands on it has
  // lost nothing).
  void PruneChanges(std::int64_t keep);
  std::vector<Posting> Postings(std::string_view term) override;
  IndexStatistics Statistics() override;
  // Rows of search_postings and distinct terms among them: one scan of the postings.
  struct PostingCounts {
    std::int64_t postings = 0;
    std::int64_t terms = 0;
  };
  PostingCounts CountPostings();
  // Adds the deltas (negative on removal) to the listing's bucket of the totals.
  void AdjustStatistics(std::int64_t product_id, std::int64_t documents, std::int64_t name_terms,
                        std::int64_t description_terms);

  // The rebuild lease (SearchService::EnsureIndexed): true when holder now holds it, until
  // expires_at (Unix seconds); false while another holder's lease runs.
  bool ClaimRebuild(std::string_view holder, std::int64_t now, std::int64_t expires_at);
  void ReleaseRebuild(std::string_view holder);

  void AddWords(std::int64_t product_id, const std::vector<std::pair<std::string, std::string>>& words_and_initials);
  void RemoveWords(std::int64_t product_id);
  // Words in [low, high) of the word or of its initials, most listings first.
  std::vector<Suggestion> WordsInRange(std::string_view low, std::string_view high, int limit);
  std::vector<Suggestion> WordsWithInitialsInRange(std::string_view low, std::string_view high, int limit);
  // Those of words that are in the vocabulary, with their listings (point look-ups of the key).
  std::vector<Suggestion> WordsAmong(std::span<const std::string> words);
  // Words in [low, high) in word order (the index order, so limit bounds the rows read).
  std::vector<Suggestion> WordsInRangeByWord(std::string_view low, std::string_view high, int limit);

 private:
  db::Connection& connection_;
};

}  // namespace manmulsang::search
