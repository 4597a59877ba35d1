#include "query_executor.hpp"

#include "brand_names.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

namespace manmulsang::search {
namespace {

struct Candidate {
  DocumentRow document;
  double score = 0;
};

// Looks product_id up in a sorted list, starting at cursor and moving it forward: callers ask
// for ascending ids, so galloping from the last position touches a few nearby cache lines where
// a binary search over the whole list would miss the cache at every step.
template <typename Item, typename Key>
const Item* Gallop(const std::vector<Item>& items, std::size_t& cursor, std::int64_t id, Key key) {
  std::size_t step = 1;
  std::size_t low = cursor;
  std::size_t high = cursor;
  while (high < items.size() && key(items[high]) < id) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  high = std::min(high, items.size());
  auto found = std::lower_bound(items.begin() + static_cast<std::ptrdiff_t>(low),
                                items.begin() + static_cast<std::ptrdiff_t>(high), id,
                                [&](const Item& item, std::int64_t value) { return key(item) < value; });
  cursor = static_cast<std::size_t>(found - items.begin());
  if (found == items.end() || key(*found) != id) return nullptr;
  return &*found;
}

const Posting* FindPosting(const std::vector<Posting>& postings, std::size_t& cursor, std::int64_t product_id) {
  return Gallop(postings, cursor, product_id, [](const Posting& posting) { return posting.product_id; });
}

// Ids holding at least minimum of the required lists, ascending.
std::vector<std::int64_t> MatchingIds(const std::vector<const std::vector<Posting>*>& required, std::size_t minimum) {
  std::vector<std::int64_t> ids;
  if (required.empty() || minimum == 0) return ids;
  if (minimum >= required.size()) {
    // Every list: walk the shortest, look the id up in the others.
    const auto shortest = std::ranges::min_element(required, {}, [](const auto* list) { return list->size(); });
    std::vector<std::size_t> cursors(required.size(), 0);
    for (const Posting& posting : **shortest) {
      bool everywhere = true;
      for (std::size_t index = 0; index < required.size() && everywhere; ++index) {
        everywhere = FindPosting(*required[index], cursors[index], posting.product_id) != nullptr;
      }
      if (everywhere) ids.push_back(posting.product_id);
    }
    return ids;
  }
  std::unordered_map<std::int64_t, std::size_t> counts;
  for (const auto* list : required) {
    for (const Posting& posting : *list) ++counts[posting.product_id];
  }
  for (const auto& [id, count] : counts) {
    if (count >= minimum) ids.push_back(id);
  }
  std::ranges::sort(ids);
  return ids;
}

double FieldScore(double frequency, double length, double average_length) {
  if (frequency <= 0) return 0;
  const double normaliser = kBm25K1 * (1 - kBm25B + kBm25B * (average_length > 0 ? length / average_length : 1));
  return frequency * (kBm25K1 + 1) / (frequency + normaliser);
}

bool PassesCategory(const SearchFilters& filters, const DocumentRow& document) {
  return filters.categories.empty() || std::ranges::any_of(filters.categories, [&](core::CategoryId category) {
           return category.value == document.category_id;
         });
}
bool PassesPrice(const SearchFilters& filters, const DocumentRow& document) {
  return (!filters.min_price || document.price_amount >= *filters.min_price) &&
         (!filters.max_price || document.price_amount <= *filters.max_price);
}
bool PassesSeller(const SearchFilters& filters, const DocumentRow& document) {
  return !filters.seller || filters.seller->value == document.seller_id;
}
bool PassesStock(const SearchFilters& filters, const DocumentRow& document) {
  return !filters.in_stock_only || document.in_stock;
}

std::vector<FacetCount> SortedFacet(const std::unordered_map<std::int64_t, std::int64_t>& counts, std::size_t limit) {
  std::vector<FacetCount> facet;
  facet.reserve(counts.size());
  for (const auto& [value, count] : counts) facet.push_back({value, count});
  std::ranges::sort(facet, [](const FacetCount& left, const FacetCount& right) {
    return left.count != right.count ? left.count > right.count : left.value < right.value;
  });
  if (facet.size() > limit) facet.resize(limit);
  return facet;
}

// Orders the first `needed` candidates (the pages up to the requested one); the rest stay unordered.
void SortCandidates(std::vector<Candidate>& candidates, SearchSort sort, std::size_t needed) {
  // Every order ends with popularity, recency and id so that pages are stable.
  const auto tie_break = [](const Candidate& left, const Candidate& right) {
    if (left.document.popularity != right.document.popularity)
      return left.document.popularity > right.document.popularity;
    if (left.document.created_at != right.document.created_at)
      return left.document.created_at > right.document.created_at;
    return left.document.product_id > right.document.product_id;
  };
  const auto before = [&](const Candidate& left, const Candidate& right) {
    switch (sort) {
      case SearchSort::relevance:
        if (left.score != right.score) return left.score > right.score;
        break;
      case SearchSort::price_ascending:
        if (left.document.price_amount != right.document.price_amount)
          return left.document.price_amount < right.document.price_amount;
        break;
      case SearchSort::price_descending:
        if (left.document.price_amount != right.document.price_amount)
          return left.document.price_amount > right.document.price_amount;
        break;
      case SearchSort::newest:
        if (left.document.created_at != right.document.created_at)
          return left.document.created_at > right.document.created_at;
        break;
      case SearchSort::rating:
        if (left.document.rating_average != right.document.rating_average)
          return left.document.rating_average > right.document.rating_average;
        break;
    }
    return tie_break(left, right);
  };
  needed = std::min(needed, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(needed), candidates.end(),
                    before);
}

// When no listing holds every required term, listings that hold three quarters of the query's
// word terms match (노트북가방 finds 노트북 파우치 가방; 노트북 방수 가방 finds 노트북 가방 방수).
std::size_t LooseMinimum(std::size_t word_terms) { return std::max<std::size_t>(1, (word_terms * 3 + 3) / 4); }

}  // namespace

SearchResult RunSearch(IndexReader& repository, const SearchRequest& request) {
  const AnalyzedQuery query = AnalyzeQuery(request.text);
  SearchResult result = ExecuteQuery(repository, query, request, query.required.size());
  if (result.total == 0) {
    if (std::string corrected = KeyboardCorrectedQuery(request.text); !corrected.empty()) {
      const AnalyzedQuery corrected_query = AnalyzeQuery(corrected);
      SearchResult converted = ExecuteQuery(repository, corrected_query, request, corrected_query.required.size());
      if (converted.total > 0) {
        converted.interpreted_as = corrected_query.normalized;
        result = std::move(converted);
      }
    }
  }
  if (result.total == 0) {
    if (std::string respelled = BrandRespelledQuery(query.normalized); !respelled.empty()) {
      const AnalyzedQuery respelled_query = AnalyzeQuery(respelled);
      SearchResult found = ExecuteQuery(repository, respelled_query, request, respelled_query.required.size());
      if (found.total > 0) {
        found.interpreted_as = respelled_query.normalized;
        result = std::move(found);
      }
    }
  }
  if (result.total == 0 && !query.word_terms.empty()) {
    // Word terms decide the match; the strict terms (bigrams across spaces, whole model
    // numbers) still add to the score of the listings that hold them.
    AnalyzedQuery loose;
    loose.required = query.word_terms;
    for (const auto* list : {&query.required, &query.optional}) {
      for (const std::string& term : *list) {
        if (std::ranges::find(loose.required, term) == loose.required.end()) loose.optional.push_back(term);
      }
    }
    result = ExecuteQuery(repository, loose, request, LooseMinimum(loose.required.size()));
    result.partial_match = result.total > 0;
  }
  result.normalized_query = query.normalized;
  return result;
}

SearchResult ExecuteQuery(IndexReader& repository, const AnalyzedQuery& query, const SearchRequest& request,
                          std::size_t minimum_required) {
  SearchResult result;
  result.price_buckets.reserve(request.price_bucket_limits.size() + 1);
  result.price_buckets.push_back({0, 0});
  for (std::int64_t limit : request.price_bucket_limits) result.price_buckets.push_back({limit, 0});
  if (query.empty()) return result;

  // One posting list per distinct term, required ones first.
  std::vector<std::string> terms = query.required;
  terms.insert(terms.end(), query.optional.begin(), query.optional.end());
  std::vector<std::vector<Posting>> postings;
  postings.reserve(terms.size());
  for (const std::string& term : terms) postings.push_back(repository.Postings(term));
  std::vector<const std::vector<Posting>*> required;
  for (std::size_t index = 0; index < query.required.size(); ++index) required.push_back(&postings[index]);

  const std::vector<std::int64_t> ids = MatchingIds(required, minimum_required);
  if (ids.empty()) return result;

  const IndexStatistics statistics = repository.Statistics();
  const double documents = static_cast<double>(std::max<std::int64_t>(statistics.documents, 1));
  const double average_name = static_cast<double>(statistics.name_terms) / documents;
  const double average_description = static_cast<double>(statistics.description_terms) / documents;
  std::vector<double> idf;
  for (const auto& list : postings) {
    const double frequency = static_cast<double>(list.size());
    idf.push_back(std::log(1 + (documents - frequency + 0.5) / (frequency + 0.5)));
  }

  std::unordered_map<std::int64_t, std::int64_t> category_counts;
  std::unordered_map<std::int64_t, std::int64_t> seller_counts;
  std::vector<Candidate> matches;
  const SearchFilters& filters = request.filters;
  // The attributes of the matches: when every required term must match, all matches hold the
  // rarest one, so one statement reads them; a loose match looks each one up.
  std::vector<DocumentRow> matched;
  if (minimum_required >= required.size()) {
    const auto rarest = std::ranges::min_element(required, {}, [](const auto* list) { return list->size(); });
    const std::string& rarest_term = terms[static_cast<std::size_t>(rarest - required.begin())];
    std::size_t cursor = 0;
    for (DocumentRow& document : repository.DocumentsWithTerm(rarest_term)) {
      if (Gallop(ids, cursor, document.product_id, [](std::int64_t id) { return id; })) {
        matched.push_back(std::move(document));
      }
    }
  } else {
    for (std::int64_t id : ids) {
      if (auto document = repository.FindDocument(id)) matched.push_back(std::move(*document));
    }
  }
  std::vector<std::size_t> cursors(postings.size(), 0);  // matched is in ascending id order
  for (const DocumentRow& row : matched) {
    const std::int64_t id = row.product_id;
    const DocumentRow* document = &row;
    const bool category = PassesCategory(filters, *document);
    const bool price = PassesPrice(filters, *document);
    const bool seller = PassesSeller(filters, *document);
    const bool stock = PassesStock(filters, *document);
    if (price && seller && stock) ++category_counts[document->category_id];
    if (category && price && stock) ++seller_counts[document->seller_id];
    if (category && seller && stock) {
      std::size_t bucket = 0;
      while (bucket < request.price_bucket_limits.size() &&
             document->price_amount >= request.price_bucket_limits[bucket]) {
        ++bucket;
      }
      ++result.price_buckets[bucket].count;
    }
    if (!(category && price && seller && stock)) continue;
    Candidate candidate{row, 0};
    for (std::size_t index = 0; index < postings.size(); ++index) {
      const Posting* posting = FindPosting(postings[index], cursors[index], id);
      if (!posting) continue;
      candidate.score +=
          idf[index] *
          (kNameWeight * FieldScore(posting->name_frequency, static_cast<double>(document->name_terms), average_name) +
           kDescriptionWeight * FieldScore(posting->description_frequency,
                                           static_cast<double>(document->description_terms), average_description));
    }
    matches.push_back(std::move(candidate));
  }

  result.total = static_cast<std::int64_t>(matches.size());
  result.categories = SortedFacet(category_counts, category_counts.size());
  result.sellers = SortedFacet(seller_counts, 10);
  const std::size_t first = static_cast<std::size_t>(request.page - 1) * static_cast<std::size_t>(request.per_page);
  SortCandidates(matches, request.sort, first + static_cast<std::size_t>(request.per_page));
  for (std::size_t index = first; index < matches.size() && index < first + static_cast<std::size_t>(request.per_page);
       ++index) {
    result.ids.push_back(core::ProductId{matches[index].document.product_id});
  }
  return result;
}

}  // namespace manmulsang::search
