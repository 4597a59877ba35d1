#include "manmulsang/catalog/http/catalog_routes.hpp"

#include "catalog_http.hpp"
#include "embedded/catalog_i18n.hpp"
#include "embedded/catalog_templates.hpp"
#include "listing_http.hpp"
#include "listing_import.hpp"
#include "listing_report_http.hpp"
#include "manmulsang/media/upload_messages.hpp"
#include "qr_code_routes.hpp"

namespace manmulsang::catalog {

void AddCatalogRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog,
                      sellers::SellerService& sellers, http::PageCache& page_cache, search::TrendingSearches& trending,
                      analytics::AnalyticsService* analytics, const ProductReviews& product_reviews,
                      wishlist::WishlistService* wishlist) {
  renderer.AddTemplates("catalog", embedded::catalog_templates());
  renderer.AddMessages(embedded::catalog_i18n());
  CatalogHttp http{
      renderer, catalog, sellers, page_cache, trending, analytics, product_reviews.reviews, product_reviews.questions};
  http.wishlist = wishlist;
  AddCatalogApi(router, http);
  AddCategoryPage(router, http);
  AddProductPage(router, http);
  AddShopPage(router, http);
  AddQrCodeRoutes(router, http);
  AddSearchPage(router, http);
  AddDemoImages(router, http);
  AddAdminCategoryRoutes(router, http);
}

void AddListingRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog, ListingService& listings,
                      http::PageCache& page_cache, const media::MediaLibrary& media) {
  renderer.AddMessages(media::UploadMessages());
  const ListingHttp http{renderer, catalog, listings, page_cache, media};
  AddListingApi(router, http);
  AddListingPages(router, http);
  AddListingImportRoutes(router, {renderer, listings, catalog, page_cache});
  AddListingReportApi(router, http);
  AddListingReportPages(router, http);
}

}  // namespace manmulsang::catalog
