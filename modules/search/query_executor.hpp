#pragma once

#include <cstddef>

#include "manmulsang/search/analyzer.hpp"
#include "manmulsang/search/search.hpp"
#include "search_repository.hpp"

namespace manmulsang::search {

// Runs one analyzed query against the index: a listing matches when it holds at least
// minimum_required of the required terms; matches are filtered, scored by BM25F (name weighted
// over description), counted into facets, sorted and cut to the requested page.
// The request has been validated.
SearchResult ExecuteQuery(IndexReader& repository, const AnalyzedQuery& query, const SearchRequest& request,
                          std::size_t minimum_required);

// A whole search: the strict query; when it finds nothing, the keyboard conversion
// (shxmqnr → 노트북), the other spelling of a brand (삼성 → samsung) and then the loose match of
// the word terms. The request has been validated.
SearchResult RunSearch(IndexReader& reader, const SearchRequest& request);

// BM25F parameters; the name counts kNameWeight times a description occurrence.
inline constexpr double kNameWeight = 3.0;
inline constexpr double kDescriptionWeight = 1.0;
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

}  // namespace manmulsang::search
