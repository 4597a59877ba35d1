#include "memory_index.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace manmulsang::search {
namespace {

// Rows per page while loading: large enough that the statement overhead vanishes, small enough
// that one page of db::Row values stays a few megabytes.
constexpr int kLoadPage = 50'000;

bool ById(std::uint32_t left, std::uint32_t right) { return left < right; }

}  // namespace

MemoryIndex::PackedPosting MemoryIndex::Pack(const Posting& posting) {
  if (posting.product_id < 0 || posting.product_id > std::numeric_limits<std::uint32_t>::max()) {
    throw std::out_of_range("search: product id beyond 32 bits for the memory index");
  }
  const auto clamp = [](std::int32_t frequency) {
    return static_cast<std::uint16_t>(
        std::clamp<std::int32_t>(frequency, 0, std::numeric_limits<std::uint16_t>::max()));
  };
  return {static_cast<std::uint32_t>(posting.product_id), clamp(posting.name_frequency),
          clamp(posting.description_frequency)};
}

MemoryIndex MemoryIndex::Load(SearchRepository& repository) {
  MemoryIndex index;
  index.statistics_ = repository.Statistics();
  std::int64_t last_id = 0;
  while (true) {
    std::vector<DocumentRow> page = repository.DocumentsAfter(last_id, kLoadPage);
    if (page.empty()) break;
    last_id = page.back().product_id;
    for (DocumentRow& document : page) {
      const auto id = static_cast<std::size_t>(document.product_id);
      if (id >= index.slot_by_id_.size()) index.slot_by_id_.resize(std::max(id + 1, index.slot_by_id_.size() * 2), -1);
      index.slot_by_id_[id] = static_cast<std::int32_t>(index.documents_.size());
      index.documents_.push_back(document);
      ++index.document_count_;
    }
  }
  std::string last_term;
  std::int64_t last_product = 0;
  std::vector<PackedPosting>* current = nullptr;
  while (true) {
    auto page = repository.PostingsAfter(last_term, last_product, kLoadPage);
    if (page.empty()) break;
    for (auto& [term, posting] : page) {
      if (!current || term != last_term) {
        current = &index.postings_[term];
        last_term = term;
      }
      current->push_back(Pack(posting));  // pages come in (term, product id) order: lists stay sorted
      last_product = posting.product_id;
    }
    index.posting_count_ += page.size();
  }
  for (auto& [term, list] : index.postings_) list.shrink_to_fit();
  return index;
}

void MemoryIndex::Erase(std::int64_t product_id, std::string_view removed_terms) {
  std::size_t start = 0;
  while (start < removed_terms.size()) {
    std::size_t end = removed_terms.find(' ', start);
    if (end == std::string_view::npos) end = removed_terms.size();
    if (auto list = postings_.find(removed_terms.substr(start, end - start)); list != postings_.end()) {
      auto found = std::ranges::lower_bound(list->second, static_cast<std::uint32_t>(product_id), ById,
                                            &PackedPosting::product_id);
      if (found != list->second.end() && found->product_id == static_cast<std::uint32_t>(product_id)) {
        list->second.erase(found);
        --posting_count_;
        if (list->second.empty()) postings_.erase(list);
      }
    }
    start = end + 1;
  }
  if (product_id >= 0 && static_cast<std::size_t>(product_id) < slot_by_id_.size() &&
      slot_by_id_[static_cast<std::size_t>(product_id)] >= 0) {
    // The row stays in documents_ unreachable until the next load; edits are rare next to reads.
    slot_by_id_[static_cast<std::size_t>(product_id)] = -1;
    --document_count_;
  }
}

void MemoryIndex::Insert(const DocumentRow& document, const std::vector<std::pair<std::string, Posting>>& postings) {
  const auto id = static_cast<std::size_t>(document.product_id);
  if (id >= slot_by_id_.size()) slot_by_id_.resize(std::max(id + 1, slot_by_id_.size() * 2), -1);
  if (slot_by_id_[id] >= 0) {
    documents_[static_cast<std::size_t>(slot_by_id_[id])] = document;
  } else {
    slot_by_id_[id] = static_cast<std::int32_t>(documents_.size());
    documents_.push_back(document);
    ++document_count_;
  }
  for (const auto& [term, posting] : postings) {
    const PackedPosting packed = Pack(posting);
    std::vector<PackedPosting>& list = postings_[term];
    auto found = std::ranges::lower_bound(list, packed.product_id, ById, &PackedPosting::product_id);
    if (found != list.end() && found->product_id == packed.product_id) {
      *found = packed;
    } else {
      list.insert(found, packed);
      ++posting_count_;
    }
  }
}

std::size_t MemoryIndex::ApproximateBytes() const {
  // Per term: the node (key, vector, next pointer, cached hash) and its bucket; the term's
  // characters are counted as if every one lived outside the small-string buffer.
  constexpr std::size_t kPerTerm = sizeof(std::string) + sizeof(std::vector<PackedPosting>) + 4 * sizeof(void*);
  constexpr std::size_t kTermCharacters = 8;  // analyzer terms are short: bigrams and words
  return posting_count_ * sizeof(PackedPosting) + postings_.size() * (kPerTerm + kTermCharacters) +
         documents_.capacity() * sizeof(DocumentRow) + slot_by_id_.capacity() * sizeof(std::int32_t);
}

std::vector<Posting> MemoryIndex::Postings(std::string_view term) {
  std::vector<Posting> postings;
  auto found = postings_.find(term);
  if (found == postings_.end()) return postings;
  postings.reserve(found->second.size());
  for (const PackedPosting& packed : found->second) {
    postings.push_back({packed.product_id, packed.name_frequency, packed.description_frequency});
  }
  return postings;
}

const DocumentRow* MemoryIndex::Document(std::int64_t product_id) const {
  if (product_id < 0 || static_cast<std::size_t>(product_id) >= slot_by_id_.size()) return nullptr;
  const std::int32_t slot = slot_by_id_[static_cast<std::size_t>(product_id)];
  return slot < 0 ? nullptr : &documents_[static_cast<std::size_t>(slot)];
}

std::optional<DocumentRow> MemoryIndex::FindDocument(std::int64_t product_id) {
  const DocumentRow* document = Document(product_id);
  if (!document) return std::nullopt;
  return *document;
}

std::vector<DocumentRow> MemoryIndex::DocumentsWithTerm(std::string_view term) {
  std::vector<DocumentRow> documents;
  auto found = postings_.find(term);
  if (found == postings_.end()) return documents;
  documents.reserve(found->second.size());
  for (const PackedPosting& posting : found->second) {
    if (const DocumentRow* document = Document(posting.product_id)) documents.push_back(*document);
  }
  return documents;
}

}  // namespace manmulsang::search
