#include <unicode/uchar.h>
#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <random>
#include <shared_mutex>

#include "embedded/search_migrations.hpp"
#include "manmulsang/search/analyzer.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/text/hangul.hpp"
#include "manmulsang/text/initial_consonants.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"
#include "memory_index.hpp"
#include "query_executor.hpp"
#include "search_repository.hpp"
#include "suggestion_prefix.hpp"
#include "typo_correction.hpp"

namespace manmulsang::search {
namespace {

// Longest word kept for suggestions, in code points; longer ones are codes or garbage.
constexpr std::size_t kMaxSuggestionWord = 40;

bool IsWordCharacter(char32_t code_point) {
  return text::IsHangul(code_point) || u_isalnum(static_cast<UChar32>(code_point));
}

// The distinct words of a name, for suggestions, each with its 초성.
std::vector<std::pair<std::string, std::string>> SuggestionWords(std::string_view name) {
  std::vector<std::pair<std::string, std::string>> words;
  const std::u32string folded = text::DecodeUtf8(text::FoldCase(name));
  std::size_t index = 0;
  while (index < folded.size()) {
    while (index < folded.size() && !IsWordCharacter(folded[index])) ++index;
    std::size_t end = index;
    while (end < folded.size() && !text::IsWhitespace(folded[end])) ++end;
    std::size_t last = end;
    while (last > index && !IsWordCharacter(folded[last - 1])) --last;
    const std::size_t length = last - index;
    if (length >= 2 && length <= kMaxSuggestionWord) {
      std::string word = text::EncodeUtf8(folded.substr(index, length));
      if (std::ranges::none_of(words, [&](const auto& known) { return known.first == word; })) {
        std::string initials = text::InitialConsonants(word);
        words.emplace_back(std::move(word), std::move(initials));
      }
    }
    index = end;
  }
  return words;
}

std::vector<TermFrequency> CountTerms(const std::vector<std::string>& name_terms,
                                      const std::vector<std::string>& description_terms) {
  std::map<std::string, TermFrequency> counts;
  for (const std::string& term : name_terms) {
    auto& entry = counts[term];
    entry.term = term;
    ++entry.name_frequency;
  }
  for (const std::string& term : description_terms) {
    auto& entry = counts[term];
    entry.term = term;
    ++entry.description_frequency;
  }
  std::vector<TermFrequency> terms;
  terms.reserve(counts.size());
  for (auto& [term, frequency] : counts) terms.push_back(std::move(frequency));
  return terms;
}

// How many changes the log keeps for nodes catching up; one further behind reloads everything.
constexpr std::int64_t kKeptChanges = 100'000;
// The log is pruned by the write whose change's sequence is a multiple of this: finding where to
// cut reads kKeptChanges index entries, too much for every write.
constexpr std::int64_t kPruneEvery = 1'000;
// Changes applied per round trip while catching up.
constexpr int kChangesPerRead = 1'000;

// Returns the terms the listing held (empty when it was not indexed).
std::string RemoveFrom(SearchRepository& repository, std::int64_t product_id) {
  std::optional<DocumentRow> document = repository.FindDocument(product_id);
  if (!document) return {};
  std::string terms = repository.DeletePostings(product_id);
  repository.RemoveWords(product_id);
  repository.DeleteDocument(product_id);
  repository.AdjustStatistics(product_id, -1, -document->name_terms, -document->description_terms);
  return terms;
}

void RecordChange(SearchRepository& repository, std::int64_t product_id, std::string_view removed_terms) {
  if (repository.RecordChange(product_id, removed_terms) % kPruneEvery == 0) repository.PruneChanges(kKeptChanges);
}

// A cluster-wide lock name (Connection::TryTransactionLock) for claiming the rebuild lease.
constexpr std::int64_t kRebuildLockKey = 0x5345'4152'4348'0001;  // "SEARCH" 1
// How long a claimed rebuild keeps other nodes out; a node that dies mid-rebuild holds it no longer.
constexpr std::int64_t kRebuildLeaseSeconds = 30 * 60;

std::string RandomHolder() {
  std::random_device random;
  std::string holder;
  for (int part = 0; part < 4; ++part) {
    char digits[16];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), random(), 16).ptr;
    holder.append(digits, end).push_back('-');
  }
  return holder;
}

}  // namespace

std::string_view ErrorCode(SearchError error) {
  switch (error) {
    case SearchError::invalid_page:
      return "invalid_page";
    case SearchError::invalid_price:
      return "invalid_price";
  }
  return "invalid_query";
}

struct SearchService::Impl {
  db::Database& database;
  std::shared_mutex memory_mutex;  // readers search, the catching-up writer applies changes
  std::mutex refresh_mutex;        // one thread catches up at a time
  std::optional<MemoryIndex> memory;
  // The last change the memory index applied (or was loaded after).
  ChangePosition applied_change;
  // A change in the log this index needs, that pruning must not have taken: applied_change, or
  // before the first final change, the oldest change the log held at the load (every change from
  // it on may be missing from the tables read). {0, 0}: the log was empty.
  ChangePosition anchor;

  void LoadMemory(SearchRepository& repository) {
    // Read before the tables: whatever commits meanwhile lies after it and is replayed, and
    // replaying a change the load already holds is harmless.
    applied_change = repository.LastChange();
    anchor = applied_change != ChangePosition{} ? applied_change : repository.FirstChangeAfter(applied_change);
    memory = MemoryIndex::Load(repository);
  }

  // Applies the final changes the memory index has not seen.
  void CatchUp() {
    std::lock_guard refresh(refresh_mutex);
    database.Read([&](db::Connection& connection) {
      SearchRepository repository(connection);
      bool first_page = true;
      // Pages through the log from applied_change; applied_change itself moves only past final
      // changes, so those not final yet are applied now (a change shows at once) and read again
      // next time, until an older transaction can no longer commit a change before them.
      ChangePosition read_after = applied_change;
      while (true) {
        std::vector<SearchRepository::Change> changes = repository.ChangesAfter(read_after, kChangesPerRead);
        if (changes.empty()) return;
        // Pruning keeps the change it cuts at: when the one this index stands on is gone, changes
        // after it may be gone too. Fell behind the pruned log: start again.
        if (first_page && anchor != ChangePosition{} && !repository.HasChange(anchor)) {
          std::unique_lock lock(memory_mutex);
          LoadMemory(repository);
          return;
        }
        first_page = false;
        struct Current {
          std::optional<DocumentRow> document;
          std::vector<std::pair<std::string, Posting>> postings;
        };
        std::vector<Current> current;
        for (const auto& change : changes) {
          current.push_back({repository.FindDocument(change.product_id), repository.PostingsOf(change.product_id)});
        }
        const IndexStatistics statistics = repository.Statistics();
        std::unique_lock lock(memory_mutex);
        for (std::size_t index = 0; index < changes.size(); ++index) {
          memory->Erase(changes[index].product_id, changes[index].removed_terms);
          if (current[index].document) memory->Insert(*current[index].document, current[index].postings);
        }
        memory->SetStatistics(statistics);
        for (const auto& change : changes) {
          if (!change.final) break;
          applied_change = change.position;
          anchor = change.position;
        }
        read_after = changes.back().position;
        if (changes.size() < static_cast<std::size_t>(kChangesPerRead)) return;
      }
    });
  }
};

SearchService::SearchService(db::Database& database, SearchOptions options) : impl_(std::make_unique<Impl>(database)) {
  if (options.in_memory) {
    database.Read([&](db::Connection& connection) {
      SearchRepository repository(connection);
      impl_->LoadMemory(repository);
    });
  }
}
SearchService::~SearchService() = default;

void SearchService::Index(db::Connection& connection, const IndexedProduct& product) {
  SearchRepository repository(connection);
  RecordChange(repository, product.id.value, RemoveFrom(repository, product.id.value));
  std::vector<std::string> name_terms = AnalyzeForIndex(product.name);
  // Analysed apart from the name, so that no bigram spans the name's end and the category's start.
  for (std::string& term : AnalyzeForIndex(product.category_names)) name_terms.push_back(std::move(term));
  const std::vector<std::string> description_terms = AnalyzeForIndex(product.description);
  DocumentRow document{product.id.value,
                       product.category.value,
                       product.seller.value,
                       product.price_amount,
                       product.in_stock,
                       product.rating_average,
                       product.popularity,
                       product.created_at,
                       static_cast<std::int64_t>(name_terms.size()),
                       static_cast<std::int64_t>(description_terms.size())};
  const std::vector<TermFrequency> terms = CountTerms(name_terms, description_terms);
  std::string joined;  // analyzer terms never contain spaces
  for (const TermFrequency& term : terms) {
    if (!joined.empty()) joined.push_back(' ');
    joined += term.term;
  }
  repository.InsertDocument(document, joined);
  repository.InsertPostings(product.id.value, terms);
  repository.AddWords(product.id.value, SuggestionWords(product.name));
  repository.AdjustStatistics(product.id.value, 1, document.name_terms, document.description_terms);
}

void SearchService::Remove(db::Connection& connection, core::ProductId id) {
  SearchRepository repository(connection);
  std::string removed_terms = RemoveFrom(repository, id.value);
  if (!removed_terms.empty()) RecordChange(repository, id.value, removed_terms);
}

void SearchService::Index(std::span<const IndexedProduct> products) {
  impl_->database.Write([&](db::Connection& connection) {
    for (const IndexedProduct& product : products) Index(connection, product);
  });
}

void SearchService::Remove(core::ProductId id) {
  impl_->database.Write([&](db::Connection& connection) { Remove(connection, id); });
}

std::int64_t SearchService::EnsureIndexed(const std::function<std::int64_t()>& count_active,
                                          const std::function<std::int64_t()>& index_all, core::TimePoint now) {
  if (IndexedCount() == count_active()) return IndexedCount();
  const std::string holder = RandomHolder();
  const std::int64_t now_seconds = core::ToUnixSeconds(now);
  const bool claimed = impl_->database.Write([&](db::Connection& connection) {
    // Two nodes starting together: the second is told at once instead of queueing on the row.
    if (!connection.TryTransactionLock(kRebuildLockKey)) return false;
    return SearchRepository(connection).ClaimRebuild(holder, now_seconds, now_seconds + kRebuildLeaseSeconds);
  });
  // Another node is rebuilding: this one serves meanwhile, its memory index (if any) catching up
  // from the change feed as the other node's writes land.
  if (!claimed) return IndexedCount();
  struct Release {
    Impl& impl;
    const std::string& holder;
    ~Release() {
      try {
        impl.database.Write([&](db::Connection& connection) { SearchRepository(connection).ReleaseRebuild(holder); });
      } catch (const std::exception&) {  // the lease runs out by itself
      }
    }
  } release{*impl_, holder};
  // The node that held the lease before may have finished the work.
  if (IndexedCount() == count_active()) return IndexedCount();
  return index_all();
}

std::int64_t SearchService::IndexedCount() {
  return impl_->database.Read(
      [](db::Connection& connection) { return SearchRepository(connection).Statistics().documents; });
}

SearchIndexSize SearchService::IndexSize() {
  {
    std::shared_lock lock(impl_->memory_mutex);
    if (impl_->memory) {
      return {static_cast<std::int64_t>(impl_->memory->documents()), static_cast<std::int64_t>(impl_->memory->terms()),
              static_cast<std::int64_t>(impl_->memory->postings()),
              static_cast<std::int64_t>(impl_->memory->ApproximateBytes())};
    }
  }
  return impl_->database.Read([](db::Connection& connection) {
    SearchRepository repository(connection);
    const SearchRepository::PostingCounts counts = repository.CountPostings();
    return SearchIndexSize{repository.Statistics().documents, counts.terms, counts.postings, std::nullopt};
  });
}

std::expected<SearchResult, SearchError> SearchService::Search(const SearchRequest& request) {
  if (request.page < 1 || request.page > kMaxPage || request.per_page < 1 || request.per_page > kMaxPerPage) {
    return std::unexpected(SearchError::invalid_page);
  }
  const SearchFilters& filters = request.filters;
  if ((filters.min_price && *filters.min_price < 0) || (filters.max_price && *filters.max_price < 0) ||
      (filters.min_price && filters.max_price && *filters.min_price > *filters.max_price)) {
    return std::unexpected(SearchError::invalid_price);
  }
  if (impl_->memory) impl_->CatchUp();
  const auto run = [&](const SearchRequest& search) {
    if (impl_->memory) {
      std::shared_lock lock(impl_->memory_mutex);
      return RunSearch(*impl_->memory, search);
    }
    return impl_->database.Read([&](db::Connection& connection) {
      SearchRepository repository(connection);
      return RunSearch(repository, search);
    });
  };
  SearchResult result = run(request);
  const bool full_match = result.total > 0 && !result.partial_match;
  if (result.normalized_query.empty() || (full_match && !result.interpreted_as.empty())) return result;
  // Perhaps a typing mistake (노트묵, labtop): a word no listing name holds, one key from one that
  // many do. Checked when nothing matched, when only most of the words did, and also when every
  // word "matched": bigrams carry no positions, so 운동하 finds the 운동복 whose description says
  // 활동하기 (운동 + 동하). A query whose words are all in the vocabulary costs one look-up here;
  // the vocabulary is in the tables in both modes.
  const std::string corrected = impl_->database.Read([&](db::Connection& connection) {
    SearchRepository repository(connection);
    return TypoCorrectedQuery(result.normalized_query, repository);
  });
  if (corrected.empty()) return result;
  SearchRequest corrected_request = request;
  corrected_request.text = corrected;
  SearchResult corrected_result = run(corrected_request);
  if (corrected_result.total == 0) return result;
  if (result.total > 0 && corrected_result.partial_match) return result;
  // Against a full match of the words as typed, the correction must match in full and more
  // widely: the word meant is the commoner one (운동화 over an accidental 운동 + 동하).
  if (full_match && corrected_result.total <= result.total) return result;
  corrected_result.interpreted_as = corrected_result.normalized_query;
  corrected_result.normalized_query = result.normalized_query;  // trending counts what was typed
  return corrected_result;
}

std::vector<Suggestion> SearchService::Suggest(std::string_view prefix, int limit) {
  limit = std::clamp(limit, 1, kMaxSuggestions);
  const std::vector<SuggestionLookup> lookups = SuggestionLookups(prefix);
  if (lookups.empty()) return {};
  return impl_->database.Read([&](db::Connection& connection) {
    SearchRepository repository(connection);
    std::vector<Suggestion> suggestions;
    for (const SuggestionLookup& lookup : lookups) {
      // A lookup with a condition on the next syllable reads more rows than it keeps.
      const int fetch = lookup.next_initial ? limit * 20 : limit;
      const std::string high = lookup.low + std::string(kAfterEveryPrefix);
      std::vector<Suggestion> found = lookup.by_initials ? repository.WordsWithInitialsInRange(lookup.low, high, fetch)
                                                         : repository.WordsInRange(lookup.low, high, fetch);
      for (Suggestion& suggestion : found) {
        if (!lookup.Accepts(suggestion.text)) continue;
        if (std::ranges::any_of(suggestions, [&](const Suggestion& known) { return known.text == suggestion.text; })) {
          continue;
        }
        suggestions.push_back(std::move(suggestion));
      }
    }
    std::ranges::stable_sort(
        suggestions, [](const Suggestion& left, const Suggestion& right) { return left.listings > right.listings; });
    if (suggestions.size() > static_cast<std::size_t>(limit)) suggestions.resize(static_cast<std::size_t>(limit));
    return suggestions;
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::search_migrations(); }

}  // namespace manmulsang::search
