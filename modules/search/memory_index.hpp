#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search_repository.hpp"

namespace manmulsang::search {

// The search index held in memory: the same postings and documents as the store's search_*
// tables, so that a query at 1 M listings reads arrays instead of SQLite pages (docs/SEARCH.md
// has the numbers). Built from the tables; not safe for concurrent writes (the owner serialises
// Insert/Erase against readers). Product ids must fit 32 bits (Load throws otherwise).
class MemoryIndex final : public IndexReader {
 public:
  // Reads every document and posting of the store's index tables, a page at a time.
  static MemoryIndex Load(SearchRepository& repository);

  std::vector<Posting> Postings(std::string_view term) override;
  IndexStatistics Statistics() override { return statistics_; }
  std::optional<DocumentRow> FindDocument(std::int64_t product_id) override;
  std::vector<DocumentRow> DocumentsWithTerm(std::string_view term) override;

  // Catching up with one change of the tables: drop the listing's old postings, then (when it is
  // still indexed) add its current document and postings. Both are idempotent.
  void Erase(std::int64_t product_id, std::string_view removed_terms);
  void Insert(const DocumentRow& document, const std::vector<std::pair<std::string, Posting>>& postings);
  void SetStatistics(const IndexStatistics& statistics) { statistics_ = statistics; }

  std::size_t documents() const { return document_count_; }
  std::size_t postings() const { return posting_count_; }
  std::size_t terms() const { return postings_.size(); }
  // What the index holds in memory, roughly: the posting arrays, the terms with their hash
  // nodes, the documents and the slots (a hash node's overhead is estimated, not measured).
  std::size_t ApproximateBytes() const;

 private:
  // Transparent hashing so that a string_view finds a std::string key without a copy.
  struct TermHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view term) const { return std::hash<std::string_view>{}(term); }
  };

  // 8 bytes instead of Posting's 16: at 1 M listings the postings are 54 M of these.
  struct PackedPosting {
    std::uint32_t product_id;
    std::uint16_t name_frequency;
    std::uint16_t description_frequency;
  };
  static PackedPosting Pack(const Posting& posting);

  std::unordered_map<std::string, std::vector<PackedPosting>, TermHash, std::equal_to<>> postings_;
  // Documents in load order, found by product id through slot_by_id_ (ids are the catalog's
  // dense SQLite row ids, so a flat array beats a hash map; -1 marks an id without a document).
  const DocumentRow* Document(std::int64_t product_id) const;
  std::vector<DocumentRow> documents_;
  std::vector<std::int32_t> slot_by_id_;
  IndexStatistics statistics_;
  std::size_t posting_count_ = 0;
  std::size_t document_count_ = 0;
};

}  // namespace manmulsang::search
