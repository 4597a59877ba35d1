#include <algorithm>

#include "manmulsang/storefront/storefront.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::storefront {

std::string CleanQuery(std::string_view raw) {
  // Cut first so that the work below is bounded whatever arrives.
  std::string text = text::Truncate(raw, kMaxQueryLength);
  std::ranges::replace_if(text, [](char c) {
    unsigned char byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  }, ' ');
  return text::CollapseWhitespace(text::NormalizeNfc(text));
}

StorefrontService::StorefrontService(accounts::AccountService& accounts,
                                     analytics::AnalyticsService& analytics,
                                     sellers::SellerService& sellers, catalog::CatalogService& catalog)
    : accounts_(accounts), analytics_(analytics), sellers_(sellers), catalog_(catalog) {}

SiteStats StorefrontService::Stats() {
  analytics::VisitStats visits = analytics_.Stats();
  return SiteStats{
      .visits_total = visits.visits_total,
      .visits_today = visits.visits_today,
      .members = accounts_.CountMembers(),
      .products = catalog_.CountActiveProducts(),
      .sellers = sellers_.CountApprovedShops(),
  };
}

HomeContent StorefrontService::Home() {
  return HomeContent{
      .categories = catalog_.TopCategories(),
      .newest = catalog_.NewestProducts(kLiveTileProducts),
      .popular = catalog_.PopularProducts(kLiveTileProducts),
      .stats = Stats(),
  };
}

SearchResult StorefrontService::Search(const SearchRequest& request) {
  SearchResult result;
  result.text = CleanQuery(request.text);
  result.page.page = std::clamp(request.page, 1, kMaxSearchPage);
  result.page.per_page = kSearchPageSize;
  if (result.text.empty()) return result;

  catalog::ProductQuery query;
  query.text = result.text;
  query.page = result.page.page;
  query.per_page = kSearchPageSize;
  // The query is built within the catalog's limits, so an error here means no results to show.
  if (auto page = catalog_.ListProducts(query)) result.page = std::move(*page);
  return result;
}

}  // namespace manmulsang::storefront
