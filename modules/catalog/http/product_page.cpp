#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "catalog_http.hpp"
#include "listing_view.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::catalog {
namespace {

// Product pages change when the seller edits them, which invalidates the key; the time limit
// only bounds how long a missed invalidation could show a stale page.
constexpr std::chrono::seconds kProductCacheTime{300};

// The page shows a few of the newest reviews, each cut short, and links the full list: the page
// stays within its weight budget however long the reviews are.
constexpr int kReviewsOnPage = 3;
constexpr std::size_t kReviewExcerpt = 200;  // code points
// The recently viewed strip below the reviews: one row of cards on a desktop.
constexpr std::size_t kRecentlyViewedOnPage = 6;

std::string Stars(std::int64_t average_rounded) {
  return std::to_string(std::clamp<std::int64_t>(average_rounded, 0, 5));
}

// The summary beside the price and above the reviews: the reviews module's average, count and
// stars 1..5 (ReviewService::ForProduct, as the reviews page reads them); only the bars' widths
// are worked out here.
void SetReviewSummary(html::Data& data, const reviews::ReviewPage& summary, core::Locale locale, bool signed_in) {
  data.set("has_review_summary", true);
  html::List bars;
  for (int stars = static_cast<int>(summary.rating_distribution.size()); stars >= 1; --stars) {
    const std::int64_t count = summary.rating_distribution[stars - 1];
    html::Data bar;
    bar.set("stars", std::to_string(stars));
    bar.set("count", core::FormatCount(count));
    bar.set("value", std::to_string(count));
    bars.push_back(std::move(bar));
  }
  data.set("rating_bars", std::move(bars));
  data.set("rating_total", std::to_string(summary.rating_count));
  html::List newest;
  for (const reviews::Review& review : summary.items) {
    html::Data item;
    item.set("review_id", std::to_string(review.id.value));
    item.set("helpful_count", core::FormatCount(review.helpful_count));
    // The 도움돼요 form carries the member's CSRF token: only on pages rendered for one member.
    item.set("can_mark_helpful", signed_in);
    item.set("stars", Stars(review.rating));
    item.set("rating", std::to_string(review.rating));
    item.set("author", review.author_name);
    item.set("date", core::LocalDate(review.created_at));
    item.set("body", text::Truncate(review.body, kReviewExcerpt, "…"));
    newest.push_back(std::move(item));
  }
  data.set("newest_reviews", std::move(newest));
}

// The order of the page's reviews: ?reviews=helpful, or the newest (any other value too).
bool HelpfulReviewsFirst(const http::Request& request) { return request.Query("reviews") == "helpful"; }

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

  // The rating as the reviews module reads it now; the product's copy when it is not wired.
  double rating_average = product.rating_average;
  std::int64_t rating_count = product.rating_count;
  data.set("has_review_summary", false);
  if (http.reviews) {
    // ?reviews=helpful: the most helpful first (a plain link; the cache keys the two orders apart).
    const bool helpful_first = HelpfulReviewsFirst(request);
    data.set("reviews_helpful", helpful_first);
    data.set("reviews_back", "/p/" + std::to_string(product.id.value) + (helpful_first ? "?reviews=helpful" : ""));
    auto summary = http.reviews->ForProduct(
        product.id, helpful_first ? reviews::ReviewSort::helpful : reviews::ReviewSort::newest, 1, kReviewsOnPage);
    if (summary) {
      rating_average = summary->rating_average;
      rating_count = summary->rating_count;
      if (rating_count > 0) SetReviewSummary(data, *summary, locale, request.context().actor.signed_in());
    }
  }
  if (rating_count > 0) {
    double average = std::isfinite(rating_average) ? std::clamp(rating_average, 0.0, 5.0) : 0.0;
    data.set("rating", fmt::format("{:.1f}", average));
    data.set("rating_stars", Stars(std::lround(average)));
    data.set("review_count", core::FormatCount(rating_count));
  } else {
    data.set("rating", false);
  }
  data.set("question_count", false);
  if (http.questions) {
    auto questions = http.questions->ForProduct(request.context().actor, product.id, 1, 1);
    if (questions && questions->total > 0) data.set("question_count", core::FormatCount(questions->total));
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

  // The heart and the recently viewed strip are the signed-in member's: their pages are rendered
  // for them alone. A visitor's page is shared through the page cache, so it carries an empty
  // heart (pressing it signs in first) and no strip: a strip kept in a cookie would either vary
  // the cached page per visitor or need a script, and pages work without one.
  const core::Actor& actor = request.context().actor;
  data.set("saved", false);
  data.set("return_to", "/p/" + std::to_string(product.id.value));
  std::vector<Product> viewed;
  if (http.wishlist && actor.signed_in()) {
    data.set("saved", !http.wishlist->SavedAmong(actor, std::vector{product.id}).empty());
    viewed = http.wishlist->RecentlyViewed(actor, kRecentlyViewedOnPage + 1);
    std::erase_if(viewed, [&](const Product& seen) { return seen.id == product.id; });
    if (viewed.size() > kRecentlyViewedOnPage) viewed.resize(kRecentlyViewedOnPage);
  }
  data.set("has_recently_viewed", !viewed.empty());
  data.set("recently_viewed", CardList(viewed, locale, SavedCards(http, request, viewed)));
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
    if (request.context().actor.signed_in() || !OnlyParameters(request, {"reviews"})) {
      http::Response response = Render(http, request, product);
      // Recorded after the page was read, so the strip shows what was viewed before this one.
      if (http.wishlist && response.status == http::Status::ok) {
        http.wishlist->RecordView(request.context().actor, product);
      }
      return Counted(http, request, product, std::move(response));
    }
    // Keyed by the canonical path, so that "/p/0123" cannot make a second copy of "/p/123".
    // The review order is part of the key, spelled one way, so a stray value cannot make copies.
    std::string key =
        http::PageCache::Key("/p/" + std::to_string(product.value), core::LocaleCode(request.context().locale),
                             HelpfulReviewsFirst(request) ? "reviews=helpful" : "");
    // Counted after the cache answered too: a cached view is a view of the shop.
    return Counted(http, request, product, http.page_cache.GetOrRender(request, key, kProductCacheTime, [&] {
      return Render(http, request, product);
    }));
  });
}

}  // namespace manmulsang::catalog
