#include "demo/demo_wishlists.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "demo/demo_random.hpp"

namespace manmulsang::demo {
namespace {

// One member with a wishlist per this many products, within the bounds: a demo of 2,000 products
// has 40, and the step stays well under a second.
constexpr std::int64_t kProductsPerMember = 50;
constexpr std::int64_t kMinMembers = 5;
constexpr std::int64_t kMaxMembers = 60;
constexpr std::int64_t kMaxSavedEach = 8;
constexpr std::int64_t kViewedEach = 4;
constexpr double kFollowsShop = 0.35;  // of each saved listing's shop
constexpr double kPriceDrop = 0.15;    // of the saved listings a shop then sells for less

// The listing as its form would send it back with a price about a tenth lower (rounded to 100 of
// the currency's minor units), or nothing for a listing sold through options.
std::optional<catalog::ListingInput> Cheaper(catalog::CatalogService& catalog, const catalog::Product& product) {
  if (product.has_variants || product.price.amount < 1'000) return std::nullopt;
  auto category = catalog.CategoryById(product.category);
  if (!category) return std::nullopt;
  catalog::ListingInput input;
  input.category_slug = category->slug;
  input.name = product.name;
  input.description = product.description;
  input.price = product.price;
  input.price.amount = std::max<std::int64_t>(100, (product.price.amount * 9 / 10) / 100 * 100);
  input.stock = product.stock;
  return input;
}

}  // namespace

DemoWishlistsSummary GenerateDemoWishlists(app::MarketplaceServices& services, const DemoSummary& marketplace,
                                           const DemoOptions& options) {
  DemoWishlistsSummary summary;
  if (marketplace.buyers.empty() || marketplace.product_sample.empty()) return summary;
  Random random(options.seed * 0x9e3779b97f4a7c15ULL + 0x77697368ULL);
  const std::int64_t wanted = std::clamp(marketplace.products / kProductsPerMember, kMinMembers, kMaxMembers);
  const std::int64_t members = std::min<std::int64_t>(wanted, std::ssize(marketplace.buyers));
  std::vector<core::ProductId> dropped;
  for (std::int64_t index = 0; index < members; ++index) {
    // Spread over the buyers, each once.
    const core::UserId buyer = marketplace.buyers[index * std::ssize(marketplace.buyers) / members];
    const core::Actor actor{buyer, core::Role::buyer, "demo"};
    const std::int64_t saves = random.Between(1, kMaxSavedEach);
    std::vector<core::ProductId> saved;
    std::vector<core::SellerId> followed;
    for (std::int64_t save = 0; save < saves; ++save) {
      const core::ProductId id = marketplace.product_sample[random.Below(marketplace.product_sample.size())];
      if (std::ranges::find(saved, id) != saved.end()) continue;
      auto product = services.catalog.GetProduct(id);
      if (!product || product->parent) continue;
      if (!services.wishlist.Save(actor, id)) {
        ++summary.refused;
        continue;
      }
      ++summary.saved;
      saved.push_back(id);
      if (random.Chance(kFollowsShop) && std::ranges::find(followed, product->seller) == followed.end()) {
        followed.push_back(product->seller);
        if (services.wishlist.Follow(actor, product->seller)) {
          ++summary.follows;
        } else {
          ++summary.refused;
        }
      }
      if (random.Chance(kPriceDrop) && std::ranges::find(dropped, id) == dropped.end()) {
        auto shop = services.sellers.GetShop(product->seller);
        auto input = Cheaper(services.catalog, *product);
        if (shop && input) {
          const core::Actor owner{shop->owner, core::Role::seller, shop->name};
          if (services.listings.Update(owner, id, *input)) {
            dropped.push_back(id);
            ++summary.price_drops;
          } else {
            ++summary.refused;
          }
        }
      }
    }
    if (!saved.empty()) ++summary.members;
    for (std::int64_t view = 0; view < kViewedEach; ++view) {
      services.wishlist.RecordView(actor, marketplace.product_sample[random.Below(marketplace.product_sample.size())]);
      ++summary.views;
    }
  }
  return summary;
}

}  // namespace manmulsang::demo
