#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::storefront {

// How many products each live tile of the home page cycles through.
inline constexpr int kLiveTileProducts = 6;

// The counters the portal shows and GET /api/v1/stats returns.
struct SiteStats {
  std::int64_t visits_total = 0;
  std::int64_t visits_today = 0;
  std::int64_t members = 0;
  std::int64_t products = 0;
  std::int64_t sellers = 0;
};

struct HomeContent {
  std::vector<catalog::Category> categories;  // the top-level ones, in catalog order
  std::vector<catalog::Product> newest;
  std::vector<catalog::Product> popular;
  SiteStats stats;
  std::vector<search::TrendingQuery> trending;  // 실시간 검색어, most first
};

// The portal's read side: it owns no tables and asks the modules that do.
class StorefrontService {
 public:
  StorefrontService(accounts::AccountService& accounts, analytics::AnalyticsService& analytics,
                    sellers::SellerService& sellers, catalog::CatalogService& catalog,
                    search::TrendingSearches& trending);

  SiteStats Stats();
  HomeContent Home();

 private:
  accounts::AccountService& accounts_;
  analytics::AnalyticsService& analytics_;
  sellers::SellerService& sellers_;
  catalog::CatalogService& catalog_;
  search::TrendingSearches& trending_;
};

}  // namespace manmulsang::storefront
