#include "manmulsang/storefront/storefront.hpp"

namespace manmulsang::storefront {

StorefrontService::StorefrontService(accounts::AccountService& accounts, analytics::AnalyticsService& analytics,
                                     sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                     search::TrendingSearches& trending)
    : accounts_(accounts), analytics_(analytics), sellers_(sellers), catalog_(catalog), trending_(trending) {}

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
      .trending = trending_.Top(),
  };
}

}  // namespace manmulsang::storefront
