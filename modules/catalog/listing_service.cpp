#include <algorithm>
#include <map>

#include "image_repository.hpp"
#include "listing_input_check.hpp"
#include "listing_report_repository.hpp"
#include "listing_repository.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "product_repository.hpp"
#include "stock_repository.hpp"

namespace manmulsang::catalog {
namespace {

std::unexpected<ListingProblem> Problem(ListingError error, std::string field = {}) {
  return std::unexpected(ListingProblem{error, std::move(field)});
}

// The seller's listing row: a listing (not an option) of that shop that is not deleted.
bool OwnListing(const std::optional<Product>& product, core::SellerId shop) {
  return product && !product->parent && product->seller == shop && product->status != ProductStatus::deleted;
}

ListingRow OptionRow(core::SellerId shop, const CheckedListing& listing, core::ProductId parent,
                     const VariantInput& variant) {
  ListingRow row;
  row.seller = shop;
  row.category = listing.category.id;
  row.name = OptionName(listing.name, variant.size, variant.colour);
  row.price = variant.price;
  row.stock = variant.stock;
  // Options are stored hidden: lists and the index pass them by (0004_listing_variants.sql).
  row.status = ProductStatus::hidden;
  row.parent = parent;
  row.size = variant.size;
  row.colour = variant.colour;
  return row;
}

ListingRow ListingRowOf(core::SellerId shop, const CheckedListing& listing) {
  ListingRow row;
  row.seller = shop;
  row.category = listing.category.id;
  row.name = listing.name;
  row.description = listing.description;
  row.price = listing.price;
  row.stock = listing.variants.empty() ? listing.stock : 0;
  row.has_variants = !listing.variants.empty();
  if (row.has_variants) {
    // FollowOptions sets the real figures; the currency is the options' own.
    row.price = listing.variants.front().price;
  }
  return row;
}

}  // namespace

std::string_view ErrorCode(ListingError error) {
  switch (error) {
    case ListingError::not_a_seller:
      return "not_a_seller";
    case ListingError::shop_suspended:
      return "shop_suspended";
    case ListingError::listing_not_found:
      return "listing_not_found";
    case ListingError::invalid_field:
      return "invalid_field";
    case ListingError::too_many_images:
      return "too_many_images";
    case ListingError::taken_down:
      return "taken_down";
  }
  return "invalid_field";
}

struct ListingService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  CatalogService& catalog;

  std::int64_t Now() const { return core::ToUnixSeconds(clock.Now()); }

  std::expected<core::SellerId, ListingProblem> ShopOf(const core::Actor& actor) {
    auto shop = sellers.ApprovedShopOf(actor);
    if (!shop && shop.error() == sellers::ApplicationError::shop_suspended) {
      return Problem(ListingError::shop_suspended);
    }
    if (!shop) return Problem(ListingError::not_a_seller);
    return shop->id;
  }

  // The listing as its seller sees it: options and pictures included, any status but deleted.
  std::expected<Product, ListingProblem> Read(core::SellerId shop, core::ProductId id) {
    auto product = database.Read([&](db::Connection& connection) -> std::optional<Product> {
      std::optional<Product> found = ProductRepository::Find(connection, id);
      if (!OwnListing(found, shop)) return std::nullopt;
      found->variants = ListingRepository::Variants(connection, id);
      return found;
    });
    if (!product) return Problem(ListingError::listing_not_found);
    std::vector<Product> one;
    one.push_back(std::move(*product));
    catalog.HydrateListings(one);
    return std::move(one.front());
  }

  // Runs change on the seller's own listing inside one write transaction that also reindexes it,
  // then forgets the cached counts and returns the listing as it is now.
  template <typename Change>
  std::expected<Product, ListingProblem> Write(const core::Actor& actor, core::ProductId id, Change&& change) {
    auto shop = ShopOf(actor);
    if (!shop) return std::unexpected(shop.error());
    if (!id) return Problem(ListingError::listing_not_found);
    auto written = database.Write([&](db::Connection& connection) -> std::expected<void, ListingProblem> {
      std::optional<Product> listing = ProductRepository::Find(connection, id);
      if (!OwnListing(listing, *shop)) return Problem(ListingError::listing_not_found);
      std::expected<void, ListingProblem> changed = change(connection, *listing);
      if (!changed) return changed;
      catalog.ReindexListing(connection, id);
      return {};
    });
    if (!written) return std::unexpected(written.error());
    catalog.ForgetListingCounts();
    return Read(*shop, id);
  }
};

ListingService::ListingService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                               CatalogService& catalog)
    : impl_(std::make_unique<Impl>(database, clock, sellers, catalog)) {}

ListingService::~ListingService() = default;

std::expected<core::ProductId, ListingProblem> ListingService::Create(const core::Actor& actor,
                                                                      const ListingInput& input) {
  auto created = CreateRecorded(actor, input, [](db::Connection&, core::ProductId) { return true; });
  if (!created) return std::unexpected(created.error());
  return **created;
}

std::expected<std::optional<core::ProductId>, ListingProblem> ListingService::CreateRecorded(
    const core::Actor& actor, const ListingInput& input,
    const std::function<bool(db::Connection&, core::ProductId)>& record) {
  auto shop = impl_->ShopOf(actor);
  if (!shop) return std::unexpected(shop.error());
  // Checked (and the category tree read) before the write transaction.
  auto checked = CheckListingInput(input, impl_->catalog);
  if (!checked) return std::unexpected(checked.error());
  for (std::size_t index = 0; index < checked->variants.size(); ++index) {
    if (checked->variants[index].id)
      return Problem(ListingError::invalid_field, "variants[" + std::to_string(index) + "].id");
  }
  const std::int64_t now = impl_->Now();
  // Not recorded: the error rolls the transaction back.
  struct NotRecorded {};
  auto id = impl_->database.Write([&](db::Connection& connection) -> std::expected<core::ProductId, NotRecorded> {
    const core::ProductId listing = ListingRepository::InsertListingRow(connection, ListingRowOf(*shop, *checked), now);
    for (const VariantInput& variant : checked->variants) {
      ListingRepository::InsertListingRow(connection, OptionRow(*shop, *checked, listing, variant), now);
    }
    if (!checked->variants.empty()) StockRepository::FollowOptions(connection, listing, now);
    impl_->catalog.ReindexListing(connection, listing);
    if (!record(connection, listing)) return std::unexpected(NotRecorded{});
    return listing;
  });
  if (!id) return std::optional<core::ProductId>();
  impl_->catalog.ForgetListingCounts();
  return std::optional<core::ProductId>(*id);
}

db::Database& ListingService::database() { return impl_->database; }

std::expected<Product, ListingProblem> ListingService::Get(const core::Actor& actor, core::ProductId id) {
  auto shop = impl_->ShopOf(actor);
  if (!shop) return std::unexpected(shop.error());
  if (!id) return Problem(ListingError::listing_not_found);
  return impl_->Read(*shop, id);
}

std::expected<ListingPage, ListingProblem> ListingService::ShopListings(const core::Actor& actor,
                                                                        const ListingFilter& filter) {
  auto shop = impl_->ShopOf(actor);
  if (!shop) return std::unexpected(shop.error());
  if (filter.page < 1 || filter.page > kMaxPage) return Problem(ListingError::invalid_field, "page");
  if (filter.per_page < 1 || filter.per_page > kMaxPerPage) return Problem(ListingError::invalid_field, "per_page");
  if (filter.status == ProductStatus::deleted) return Problem(ListingError::invalid_field, "status");
  ListingPage page;
  page.page = filter.page;
  page.per_page = filter.per_page;
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.per_page;
    page.items = ListingRepository::SellerListings(connection, *shop, filter.status, filter.per_page, offset);
    page.total = ListingRepository::CountSellerListings(connection, *shop, filter.status);
    std::vector<core::ProductId> with_options;
    for (const Product& product : page.items) {
      if (product.has_variants) with_options.push_back(product.id);
    }
    std::map<core::ProductId, std::vector<Variant>> options;
    for (auto& [listing, variant] : ListingRepository::VariantsOf(connection, with_options)) {
      options[listing].push_back(std::move(variant));
    }
    for (Product& product : page.items) {
      if (auto found = options.find(product.id); found != options.end()) product.variants = std::move(found->second);
    }
  });
  impl_->catalog.HydrateListings(page.items);
  return page;
}

std::expected<Product, ListingProblem> ListingService::Update(const core::Actor& actor, core::ProductId id,
                                                              const ListingInput& input) {
  auto checked = CheckListingInput(input, impl_->catalog);
  if (!checked) {
    // Ownership first: another shop's listing is not found, whatever the input.
    if (auto shop = impl_->ShopOf(actor); !shop) return std::unexpected(shop.error());
    if (auto own = Get(actor, id); !own) return std::unexpected(own.error());
    return std::unexpected(checked.error());
  }
  const std::int64_t now = impl_->Now();
  return impl_->Write(
      actor, id, [&](db::Connection& connection, const Product& listing) -> std::expected<void, ListingProblem> {
        std::vector<Variant> existing = ListingRepository::Variants(connection, id);
        for (std::size_t index = 0; index < checked->variants.size(); ++index) {
          const auto& wanted = checked->variants[index].id;
          if (wanted && std::ranges::none_of(existing, [&](const Variant& variant) { return variant.id == *wanted; })) {
            return Problem(ListingError::invalid_field, "variants[" + std::to_string(index) + "].id");
          }
        }
        ListingRepository::UpdateListingRow(connection, id, ListingRowOf(listing.seller, *checked), now);
        // Options left out of the input are removed; order lines that name them keep their own copy.
        for (const Variant& variant : existing) {
          const bool kept = std::ranges::any_of(
              checked->variants, [&](const VariantInput& input_variant) { return input_variant.id == variant.id; });
          if (!kept) ListingRepository::SetStatus(connection, variant.id, ProductStatus::deleted, now);
        }
        for (const VariantInput& variant : checked->variants) {
          ListingRow row = OptionRow(listing.seller, *checked, id, variant);
          if (variant.id) {
            ListingRepository::UpdateOptionRow(connection, *variant.id, row, now);
          } else {
            ListingRepository::InsertListingRow(connection, row, now);
          }
        }
        if (!checked->variants.empty()) StockRepository::FollowOptions(connection, id, now);
        return {};
      });
}

std::expected<Product, ListingProblem> ListingService::SetHidden(const core::Actor& actor, core::ProductId id,
                                                                 bool hidden) {
  const std::int64_t now = impl_->Now();
  return impl_->Write(
      actor, id, [&](db::Connection& connection, const Product&) -> std::expected<void, ListingProblem> {
        // Read in the writing transaction: a take-down that lands first keeps the listing hidden.
        if (!hidden && ListingReportRepository::IsTakenDown(connection, id)) {
          return Problem(ListingError::taken_down);
        }
        // Options keep their own status: they are sold while their listing is active.
        ListingRepository::SetStatus(connection, id, hidden ? ProductStatus::hidden : ProductStatus::active, now);
        return {};
      });
}

std::expected<void, ListingProblem> ListingService::Delete(const core::Actor& actor, core::ProductId id) {
  const std::int64_t now = impl_->Now();
  auto shop = impl_->ShopOf(actor);
  if (!shop) return std::unexpected(shop.error());
  if (!id) return Problem(ListingError::listing_not_found);
  auto deleted = impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ListingProblem> {
    std::optional<Product> listing = ProductRepository::Find(connection, id);
    if (!OwnListing(listing, *shop)) return Problem(ListingError::listing_not_found);
    // A status, not a removed row: orders and reviews keep pointing at it.
    ListingRepository::SetStatus(connection, id, ProductStatus::deleted, now);
    impl_->catalog.ReindexListing(connection, id);
    return {};
  });
  if (deleted) impl_->catalog.ForgetListingCounts();
  return deleted;
}

std::expected<Product, ListingProblem> ListingService::AddImage(const core::Actor& actor, core::ProductId id,
                                                                std::string detail_url, std::string list_url) {
  if (detail_url.empty()) return Problem(ListingError::invalid_field, "image");
  if (list_url.empty()) list_url = detail_url;
  return impl_->Write(actor, id,
                      [&](db::Connection& connection, const Product&) -> std::expected<void, ListingProblem> {
                        std::vector<ProductImage> images = ImageRepository::ImagesOf(connection, id);
                        if (images.size() >= kMaxListingImages) return Problem(ListingError::too_many_images, "image");
                        images.push_back({id, detail_url, list_url});
                        ImageRepository::ReplaceImages(connection, id, images);
                        return {};
                      });
}

std::expected<Product, ListingProblem> ListingService::RemoveImage(const core::Actor& actor, core::ProductId id,
                                                                   int position) {
  return impl_->Write(actor, id,
                      [&](db::Connection& connection, const Product&) -> std::expected<void, ListingProblem> {
                        std::vector<ProductImage> images = ImageRepository::ImagesOf(connection, id);
                        if (position < 0 || static_cast<std::size_t>(position) >= images.size()) {
                          return Problem(ListingError::invalid_field, "position");
                        }
                        images.erase(images.begin() + position);
                        ImageRepository::ReplaceImages(connection, id, images);
                        return {};
                      });
}

}  // namespace manmulsang::catalog
