#include "manmulsang/catalog/http/catalog_routes.hpp"

#include "catalog_http.hpp"
#include "embedded/catalog_i18n.hpp"
#include "embedded/catalog_templates.hpp"

namespace manmulsang::catalog {

void AddCatalogRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog,
                      sellers::SellerService& sellers, http::PageCache& page_cache,
                      search::TrendingSearches& trending) {
  renderer.AddTemplates("catalog", embedded::catalog_templates());
  renderer.AddMessages(embedded::catalog_i18n());
  const CatalogHttp http{renderer, catalog, sellers, page_cache, trending};
  AddCatalogApi(router, http);
  AddCategoryPage(router, http);
  AddProductPage(router, http);
  AddShopPage(router, http);
  AddSearchPage(router, http);
  AddDemoImages(router, http);
}

}  // namespace manmulsang::catalog
