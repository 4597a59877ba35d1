#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::catalog {

inline constexpr std::size_t kMaxListingImages = 10;
inline constexpr std::size_t kMaxListingVariants = 50;

// One option as the seller writes it; id names an existing option to keep (an edit), none adds one.
struct VariantInput {
  std::optional<core::ProductId> id;
  std::string size;
  std::string colour;
  core::Money price;
  std::int64_t stock = 0;
};

// A listing as the seller writes it. With variants, price and stock are ignored: the listing's
// stock is the sum of its options' and its price the lowest of theirs.
struct ListingInput {
  std::string category_slug;
  std::string name;
  std::string description;
  core::Money price;
  std::int64_t stock = 0;
  std::vector<VariantInput> variants;
};

enum class ListingError {
  not_a_seller,       // 403: the actor has no approved shop
  shop_suspended,     // 403: an admin suspended the actor's shop; listings wait until it is lifted
  listing_not_found,  // 404: unknown, deleted, a variant row, or another shop's
  invalid_field,      // 400: the field is named
  too_many_images,    // 400: kMaxListingImages already
  taken_down,         // 409: an admin took the listing down; only an admin's restore shows it again
};

// What went wrong and, for invalid_field, which field: "name", "description", "category",
// "price", "currency", "stock", "variants", "variants[2].size", "position"...
struct ListingProblem {
  ListingError error;
  std::string field;
};

std::string_view ErrorCode(ListingError error);

// A seller's own listing (any status but deleted), with its variants and images.
struct SellerListing {
  Product product;
};

struct ListingFilter {
  std::optional<ProductStatus> status;  // none: active and hidden
  int page = 1;
  int per_page = 20;
};

struct ListingPage {
  std::vector<Product> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

// The seller's side of the catalog: a shop owner creates, edits, hides and deletes its own
// listings. Every write changes the search index in its own transaction (CatalogService::
// ReindexListing). Another shop's listing reads as listing_not_found, never as forbidden.
class ListingService {
 public:
  ListingService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                 CatalogService& catalog);
  ~ListingService();

  std::expected<core::ProductId, ListingProblem> Create(const core::Actor& actor, const ListingInput& input);
  // Create with the caller's own write in the listing's transaction: the CSV import marks the
  // listing done there, so a job resumed on another node neither skips nor repeats it. record
  // runs after the listing's rows are written; when it says false the transaction rolls back,
  // nothing is stored and the answer is nullopt. It may run again (the store retries a write).
  std::expected<std::optional<core::ProductId>, ListingProblem> CreateRecorded(
      const core::Actor& actor, const ListingInput& input,
      const std::function<bool(db::Connection&, core::ProductId)>& record);
  std::expected<Product, ListingProblem> Get(const core::Actor& actor, core::ProductId id);
  std::expected<ListingPage, ListingProblem> ShopListings(const core::Actor& actor, const ListingFilter& filter);
  std::expected<Product, ListingProblem> Update(const core::Actor& actor, core::ProductId id,
                                                const ListingInput& input);
  std::expected<Product, ListingProblem> SetHidden(const core::Actor& actor, core::ProductId id, bool hidden);
  // The listing leaves the shop and the search; orders keep their lines.
  std::expected<void, ListingProblem> Delete(const core::Actor& actor, core::ProductId id);
  // url/list_url from media::StoreUploadedImages; at most kMaxListingImages (too_many_images).
  std::expected<Product, ListingProblem> AddImage(const core::Actor& actor, core::ProductId id, std::string detail_url,
                                                  std::string list_url);
  // position is 0-based, in the order of Product::images; unknown → invalid_field "position".
  std::expected<Product, ListingProblem> RemoveImage(const core::Actor& actor, core::ProductId id, int position);

  // The store the listings live in: the CSV import keeps its jobs there, beside the listings
  // they create, so that every node sees them.
  db::Database& database();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::catalog
