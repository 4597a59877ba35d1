#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "catalog_http.hpp"
#include "listing_view.hpp"

namespace manmulsang::catalog {
namespace {

// Product pages change when the seller edits them, which invalidates the key; the time limit
// only bounds how long a missed invalidation could show a stale page.
constexpr std::chrono::seconds kProductCacheTime{300};

html::Data ProductData(const CatalogHttp& http, const http::Request& request, const Product& product) {
  core::Locale locale = request.context().locale;
  html::Data data;
  data.set("title", product.name);
  data.set("id", std::to_string(product.id.value));
  data.set("name", product.name);
  data.set("price_text", core::FormatMoney(product.price, core::LocaleCode(locale)));
  data.set("currency", std::string(core::CurrencyCode(product.price.currency)));
  data.set("in_stock", product.stock > 0);
  // A listing with options is bought through one: a plain <select name=product_id> in the form.
  html::List variants;
  for (const Variant& variant : product.variants) {
    html::Data option;
    option.set("id", std::to_string(variant.id.value));
    std::string label = variant.size;
    if (!variant.size.empty() && !variant.colour.empty()) label += " / ";
    label += variant.colour;
    option.set("label", std::move(label));
    option.set("price_text", core::FormatMoney(variant.price, core::LocaleCode(locale)));
    option.set("sold_out", variant.stock <= 0);
    variants.push_back(std::move(option));
  }
  data.set("has_variants", !variants.empty());
  data.set("variants", std::move(variants));
  data.set("stock", core::FormatCount(product.stock));
  data.set("shop_url", "/s/" + std::to_string(product.seller.value));
  data.set("shop_name", product.seller_name);

  if (product.rating_count > 0) {
    double average = std::clamp(product.rating_average, 0.0, 5.0);
    data.set("rating", fmt::format("{:.1f}", average));
    data.set("rating_stars", std::to_string(static_cast<int>(std::lround(average))));
    data.set("review_count", core::FormatCount(product.rating_count));
  } else {
    data.set("rating", false);
  }

  html::List crumbs;
  for (const Category& step : http.catalog.Breadcrumb(product.category)) {
    html::Data crumb;
    crumb.set("name", std::string(CategoryName(step, locale)));
    crumb.set("url", "/c/" + step.slug);
    crumbs.push_back(std::move(crumb));
  }
  data.set("breadcrumb", std::move(crumbs));

  data.set("main_image", product.images.empty() ? html::Data(false) : html::Data(product.images.front()));
  html::List thumbnails;
  for (std::size_t index = 1; index < product.images.size(); ++index) {
    html::Data image;
    image.set("url", product.images[index]);
    thumbnails.push_back(std::move(image));
  }
  data.set("has_thumbnails", product.images.size() > 1);
  data.set("thumbnails", std::move(thumbnails));

  // Sellers write descriptions as lines of text; each line becomes a paragraph.
  html::List paragraphs;
  std::string_view rest = product.description;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      html::Data paragraph;
      paragraph.set("text", std::string(line));
      paragraphs.push_back(std::move(paragraph));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  data.set("paragraphs", std::move(paragraphs));
  return data;
}

http::Response Render(const CatalogHttp& http, const http::Request& request, core::ProductId id) {
  auto product = http.catalog.GetProduct(id);
  if (!product) return NotFoundPage(http, request);
  http.product_shops->Remember(id, product->seller);
  return http.renderer.Page(request, "catalog/product", ProductData(http, request, *product));
}

http::Response Counted(const CatalogHttp& http, const http::Request& request, core::ProductId id,
                       http::Response response) {
  if (auto shop = http.product_shops->Find(id)) RecordShopVisit(http, request, *shop, response);
  return response;
}

}  // namespace

void AddProductPage(http::Router& router, const CatalogHttp& http) {
  router.Get("/p/:id", [http](http::Request& request) {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return NotFoundPage(http, request);
    core::ProductId product{*id};
    if (request.context().actor.signed_in() || !OnlyParameters(request, {})) {
      return Counted(http, request, product, Render(http, request, product));
    }
    // Keyed by the canonical path, so that "/p/0123" cannot make a second copy of "/p/123".
    std::string key =
        http::PageCache::Key("/p/" + std::to_string(product.value), core::LocaleCode(request.context().locale));
    // Counted after the cache answered too: a cached view is a view of the shop.
    return Counted(http, request, product, http.page_cache.GetOrRender(request, key, kProductCacheTime, [&] {
      return Render(http, request, product);
    }));
  });
}

}  // namespace manmulsang::catalog
