#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/category_admin.hpp"
#include "manmulsang/catalog/errors.hpp"
#include "manmulsang/catalog/listing_reports.hpp"
#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::catalog {

// A quantity of one product to take off or put back on its stock; quantity > 0.
struct StockRequest {
  core::ProductId product;
  std::int64_t quantity = 0;
};

// Why a reservation failed: the product is unknown or not active (available 0), or has fewer
// than were asked for.
struct StockShortage {
  core::ProductId product;
  std::int64_t requested = 0;
  std::int64_t available = 0;
};

// A shop's rating: the average of its active listings' ratings weighted by their review counts.
struct ShopRating {
  double average = 0;
  std::int64_t count = 0;  // reviews
};

// A shop an admin suspended or unsuspended, and the listings that were hidden or shown with it
// (for the pages to forget).
struct ShopSuspension {
  sellers::Shop shop;
  std::vector<core::ProductId> listings;
};

// A shop's listings (options not counted): active, and all but deleted ones.
struct ShopListingCounts {
  std::int64_t active = 0;
  std::int64_t all = 0;
};

// Categories and products: the listings buyers browse.
class CatalogService {
 public:
  // search: the index of the listings, changed in the same transaction as every listing write
  // and asked by every text query. Tests of other modules that never search may leave it out;
  // their listings are then not indexed, and a text query is a programmer error.
  CatalogService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                 search::SearchService* search = nullptr);
  ~CatalogService();

  // The whole tree, ordered by position; it is small and cached in memory.
  std::vector<Category> Categories();
  std::optional<Category> CategoryBySlug(std::string_view slug);
  std::optional<Category> CategoryById(core::CategoryId id);
  std::vector<Category> TopCategories();
  std::vector<Category> Children(core::CategoryId parent);
  // Root first: 컴퓨터 › 노트북.
  std::vector<Category> Breadcrumb(core::CategoryId category);

  // Active listings only, with their options (variants). An option's id gives its listing.
  std::expected<Product, CatalogError> GetProduct(core::ProductId id);
  // The active listings among ids, in id order, in one read (with shop names and images, without
  // options); unknown, hidden or deleted ids are left out. For lists that name many products.
  std::vector<Product> ActiveProducts(std::span<const core::ProductId> ids);
  // invalid_query when FirstInvalidField(query) names a field. A query with text is answered
  // by the search index (ranked, with facets of shops and prices and the reading of the text);
  // without text, from the listings in the chosen order.
  std::expected<ProductPage, CatalogError> ListProducts(const ProductQuery& query);
  std::vector<Product> NewestProducts(int limit);
  // The active listings most bought over the last 30 days, a sale weighing less as it ages and
  // nothing once cancelled or returned (popularity_repository.hpp); then, to fill limit, the
  // highest stored score and the newest.
  std::vector<Product> PopularProducts(int limit);
  std::int64_t CountActiveProducts();
  // The active listings of any of the shops listed since `since`, newest first (cards: shop names
  // and images): what is new in the shops a member follows. No shops: an empty page.
  ProductPage NewestOfShops(std::span<const core::SellerId> shops, core::TimePoint since, int page, int per_page);

  // The demo generator's bulk path: one transaction per call, the search index included.
  // Returns ids in input order.
  std::vector<core::ProductId> InsertProducts(std::span<const NewProduct> products);

  // Puts every active listing into the search index again, in batches of their own
  // transactions (a store made before the index, or a rebuilt index). Returns how many.
  std::int64_t IndexAllListings();

  // Checkout takes part in its caller's transaction through these (see docs/BUYING.md).
  // The products among ids that can be bought, with their current price and stock, in id order,
  // without seller names or images; inside a write transaction the values are the ones it will
  // commit on. A listing with options cannot be bought itself (its options are, while it is
  // active; they come back as active products named "<listing> (<size> / <colour>)").
  std::vector<Product> ProductsForCheckout(db::Connection& connection, std::span<const core::ProductId> ids);
  // Takes each quantity off its product's stock, never below zero (an option's listing follows
  // it: stock, and the index, in the same transaction). The first request
  // that cannot be met is returned (with what is left) and the caller rolls back its
  // transaction, which undoes the requests already taken. A listing that sells out (or, on
  // release, comes back into stock) changes in the search index in the same transaction.
  std::expected<void, StockShortage> ReserveStock(db::Connection& connection, std::span<const StockRequest> requests);
  // Puts quantities back (a cancelled or expired order), whatever the product's status now.
  void ReleaseStock(db::Connection& connection, std::span<const StockRequest> requests);
  // Popularity (PopularProducts), told by the orders module inside the transaction that moves the
  // order: its lines were paid for (now), or the paid order was cancelled or returned.
  void RecordSale(db::Connection& connection, core::OrderId order, std::span<const StockRequest> lines);
  void WithdrawSale(db::Connection& connection, core::OrderId order);

  ShopRating ShopRatingOf(core::SellerId shop);

  // Seller names and pictures for products read elsewhere (the seller's own listings), in two
  // batched lookups.
  void HydrateListings(std::vector<Product>& products);
  // After a listing write commits: category pages stop showing the store-wide counts cached before.
  void ForgetListingCounts();

  // Reviews set the product's rating (the average and count of its visible reviews) inside the
  // transaction of the review write, and the search index follows in the same transaction.
  void SetRating(db::Connection& connection, core::ProductId product, double average, std::int64_t count);
  // Takes the product's row for the rest of the transaction, changing nothing: called before the
  // reviews are read for SetRating, so that two reviews of one product written at the same
  // instant (on PostgreSQL) are counted one after the other, never from the same stale read.
  void HoldRating(db::Connection& connection, core::ProductId product);

  // Writes the listing's current state to the search index inside connection's transaction.
  // Public because every listing write (ListingService, the CSV import) must keep the index in
  // step inside its own transaction; a variant id reindexes its parent listing.
  void ReindexListing(db::Connection& connection, core::ProductId id);

  // Moderation of listings (catalog_moderation.cpp, listing_reports.hpp). A signed-in member
  // reports an active listing once (already_reported); its own seller cannot (own_listing).
  std::expected<void, ModerationError> ReportListing(const core::Actor& actor, core::ProductId id,
                                                     const ListingReportInput& input);
  // An admin takes a listing down (reason required): it is hidden, leaves the index in the same
  // transaction, its seller reads the reason and cannot show it again until an admin restores it.
  // Every open report of the listing is closed; the action is audited. Returns the listing (with
  // its options, for the pages to forget).
  std::expected<Product, ModerationError> TakeDownListing(const core::Actor& actor, core::ProductId id,
                                                          std::string_view reason);
  // Gives back the status the listing had before its take-down (reason optional; audited).
  std::expected<Product, ModerationError> RestoreListing(const core::Actor& actor, core::ProductId id,
                                                         std::string_view reason);
  // Closes every open report of the listing without acting on it (no_open_reports; audited).
  std::expected<void, ModerationError> DismissListingReports(const core::Actor& actor, core::ProductId id,
                                                             std::string_view reason);
  std::expected<ReportQueuePage, ModerationError> ListingReportQueue(const core::Actor& actor,
                                                                     const ReportQueueFilter& filter);
  // Listings with at least one open report (the admin home's queue count).
  std::int64_t CountOpenReports();

  // An admin suspends a shop (sellers::SellerService::SuspendIn: reason required, audited
  // "shop.suspend") and, in the same transaction, its active listings are hidden: they leave
  // search, category, shop and product pages and checkout at once (shop_suspension.cpp says why
  // this way). Its orders are untouched, so open ones are still shipped or cancelled. Unsuspending
  // shows again exactly the listings the suspension hid ("shop.unsuspend").
  std::expected<ShopSuspension, sellers::ShopAdminError> SuspendShop(const core::Actor& admin, core::SellerId shop,
                                                                     std::string_view reason);
  std::expected<ShopSuspension, sellers::ShopAdminError> UnsuspendShop(const core::Actor& admin,
                                                                       core::SellerId shop, std::string_view reason);
  ShopListingCounts CountShopListings(core::SellerId shop);

  // The category tree as admins manage it (category_admin.cpp). Each change is audited
  // ("category.add", "category.rename", "category.move", "category.reorder", "category.restyle",
  // "category.retire") and moves the tree's version in its transaction, so every node reads the
  // tree again (this one at once, others within kCategoryTreeRecheck); the category counts are
  // forgotten and the listings whose category path changed are indexed again, so pages and search
  // facets follow. A new or moved category goes last among its siblings.
  std::expected<Category, CategoryAdminError> AddCategory(const core::Actor& admin, const NewCategory& category);
  std::expected<Category, CategoryAdminError> RenameCategory(const core::Actor& admin, core::CategoryId id,
                                                             std::string_view name_ko, std::string_view name_en);
  std::expected<Category, CategoryAdminError> MoveCategory(const core::Actor& admin, core::CategoryId id,
                                                           std::optional<core::CategoryId> parent);
  // position: 1-based among its siblings; the others keep their order around it.
  std::expected<Category, CategoryAdminError> ReorderCategory(const core::Actor& admin, core::CategoryId id,
                                                              int position);
  std::expected<Category, CategoryAdminError> RestyleCategory(const core::Actor& admin, core::CategoryId id,
                                                              std::string_view colour, std::string_view icon);
  // Only a category with no subcategories and no listings but deleted ones; it leaves the tree.
  std::expected<void, CategoryAdminError> RetireCategory(const core::Actor& admin, core::CategoryId id);
  // The listings in the category itself (active, and all but deleted; options not counted).
  ShopListingCounts CountCategoryListings(core::CategoryId id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The query parameter that makes a query invalid ("page", "per_page", "min_price", "max_price",
// "q"), or nullopt when the query is fine. Handlers use it to name the field in a 400.
std::optional<std::string_view> FirstInvalidField(const ProductQuery& query);

// "relevance", "price_asc", "price_desc", "newest", "rating" (the API's sort values).
std::string_view ProductSortName(ProductSort sort);
std::optional<ProductSort> ParseProductSort(std::string_view name);

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::catalog
