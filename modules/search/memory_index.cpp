#include "memory_index.hpp"

namespace manmulsang::search {
namespace {

// Rows per page while loading: large enough that the statement overhead vanishes, small enough
// that one page of db::Row values stays a few megabytes.
constexpr int kLoadPage = 50'000;

}  // namespace

MemoryIndex MemoryIndex::Load(SearchRepository& repository) {
  MemoryIndex index;
  index.statistics_ = repository.Statistics();
  std::int64_t last_id = 0;
  while (true) {
    std::vector<DocumentRow> page = repository.DocumentsAfter(last_id, kLoadPage);
    if (page.empty()) break;
    last_id = page.back().product_id;
    for (DocumentRow& document : page) index.documents_.emplace(document.product_id, document);
  }
  std::string last_term;
  std::int64_t last_product = 0;
  std::vector<Posting>* current = nullptr;
  while (true) {
    auto page = repository.PostingsAfter(last_term, last_product, kLoadPage);
    if (page.empty()) break;
    for (auto& [term, posting] : page) {
      if (!current || term != last_term) {
        current = &index.postings_[term];
        last_term = term;
      }
      current->push_back(posting);  // pages come in (term, product id) order: lists stay sorted
      last_product = posting.product_id;
    }
    index.posting_count_ += page.size();
  }
  for (auto& [term, list] : index.postings_) list.shrink_to_fit();
  return index;
}

std::vector<Posting> MemoryIndex::Postings(std::string_view term) {
  auto found = postings_.find(term);
  if (found == postings_.end()) return {};
  return found->second;
}

std::optional<DocumentRow> MemoryIndex::FindDocument(std::int64_t product_id) {
  auto found = documents_.find(product_id);
  if (found == documents_.end()) return std::nullopt;
  return found->second;
}

std::vector<DocumentRow> MemoryIndex::DocumentsWithTerm(std::string_view term) {
  std::vector<DocumentRow> documents;
  auto found = postings_.find(term);
  if (found == postings_.end()) return documents;
  documents.reserve(found->second.size());
  for (const Posting& posting : found->second) {
    if (auto document = documents_.find(posting.product_id); document != documents_.end()) {
      documents.push_back(document->second);
    }
  }
  return documents;
}

}  // namespace manmulsang::search
