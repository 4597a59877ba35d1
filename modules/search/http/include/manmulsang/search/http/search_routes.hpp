#pragma once

#include "manmulsang/http/router.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/search/trending_searches.hpp"

namespace manmulsang::search {

// JSON for the search box and the portal:
// GET /api/v1/search/suggest?q=  {items:[{text, listings}]}: words of listing names for a prefix,
//                                a 초성 prefix (ㄴㅌ → 노트북) or Korean typed in English mode
//                                (shxm → 노트북); an empty q gives no items.
// GET /api/v1/search/trending    {items:[{query, count, rank, movement, places}]}: 실시간 검색어,
//                                movement "up" | "down" | "same" | "new".
// The product search itself is GET /api/v1/products?q= (catalog), which records trending.
void AddSearchRoutes(http::Router& router, SearchService& search, TrendingSearches& trending);

}  // namespace manmulsang::search
