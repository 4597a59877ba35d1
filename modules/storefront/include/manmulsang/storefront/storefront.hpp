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
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::storefront {

// Longer search text is cut to this many characters rather than refused: a pasted paragraph
// still finds something, and a hostile one cannot make the search expensive.
inline constexpr std::size_t kMaxQueryLength = 200;
inline constexpr int kSearchPageSize = 24;
// Pages past this are not offered; nobody reads result 24,000.
inline constexpr int kMaxSearchPage = 1000;
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
};

struct SearchRequest {
  std::string text;  // as typed; Search cleans it (see CleanQuery)
  int page = 1;      // out-of-range pages are clamped
};

struct SearchResult {
  std::string text;  // the cleaned query that was searched
  catalog::ProductPage page;
};

// What a visitor typed, made safe to search and show: broken UTF-8 repaired, control characters
// (NUL included) turned into spaces, NFC, white space collapsed, at most kMaxQueryLength
// characters.
std::string CleanQuery(std::string_view raw);

// The portal's read side: it owns no tables and asks the modules that do.
class StorefrontService {
 public:
  StorefrontService(accounts::AccountService& accounts, analytics::AnalyticsService& analytics,
                    sellers::SellerService& sellers, catalog::CatalogService& catalog);

  SiteStats Stats();
  HomeContent Home();
  // Empty text lists nothing (the page invites a search instead of dumping the catalog).
  SearchResult Search(const SearchRequest& request);

 private:
  accounts::AccountService& accounts_;
  analytics::AnalyticsService& analytics_;
  sellers::SellerService& sellers_;
  catalog::CatalogService& catalog_;
};

}  // namespace manmulsang::storefront
