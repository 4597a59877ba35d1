#include <algorithm>

#include "embedded/sellers_migrations.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/text/characters.hpp"
#include "seller_service_impl.hpp"
#include "shop_repository.hpp"

namespace manmulsang::sellers {
namespace {

std::expected<void, SellerError> Validate(const DeliveryOptions& options) {
  if (options.courier_fee_kpw < 0 || options.courier_fee_kpw > kMaxDeliveryFee) {
    return std::unexpected(SellerError::invalid_courier_fee);
  }
  if (options.free_courier_from_kpw &&
      (*options.free_courier_from_kpw < 1 || *options.free_courier_from_kpw > kMaxFreeCourierFrom)) {
    return std::unexpected(SellerError::invalid_free_courier_from);
  }
  if (options.pickup_place.size() > kMaxPickupPlace) return std::unexpected(SellerError::invalid_pickup_place);
  if (options.pickup_offered && options.pickup_place.empty()) {
    return std::unexpected(SellerError::invalid_pickup_place);
  }
  if (text::HasControlCharacter(options.pickup_place)) return std::unexpected(SellerError::invalid_pickup_place);
  return {};
}

}  // namespace

SellerService::SellerService(db::Database& database, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(Impl{database, clock})) {}

SellerService::~SellerService() = default;

std::optional<Shop> SellerService::GetShop(core::SellerId id) {
  if (!id) return std::nullopt;
  return impl_->database.Read([&](db::Connection& connection) { return ShopRepository::Find(connection, id); });
}

std::vector<Shop> SellerService::FindShops(std::span<const core::SellerId> ids) {
  // Duplicates are common (a page of products from a few shops): look each shop up once.
  std::vector<core::SellerId> unique(ids.begin(), ids.end());
  std::erase_if(unique, [](core::SellerId id) { return !id; });
  std::ranges::sort(unique);
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  if (unique.empty()) return {};
  return impl_->database.Read([&](db::Connection& connection) { return ShopRepository::FindMany(connection, unique); });
}

std::int64_t SellerService::CountApprovedShops() {
  return impl_->database.Read(
      [](db::Connection& connection) { return ShopRepository::CountByStatus(connection, ShopStatus::approved); });
}

std::vector<core::SellerId> SellerService::InsertShops(std::span<const NewShop> shops) {
  std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) {
    std::vector<core::SellerId> ids;
    ids.reserve(shops.size());
    for (const NewShop& shop : shops) ids.push_back(ShopRepository::Insert(connection, shop, now));
    return ids;
  });
}

std::vector<Shop> SellerService::ShopsOwnedBy(core::UserId owner) {
  return impl_->database.Read(
      [&](db::Connection& connection) { return ShopRepository::FindByOwner(connection, owner); });
}

std::expected<Shop, SellerError> SellerService::OwnShop(const core::Actor& actor, std::optional<core::SellerId> shop) {
  if (!actor.signed_in()) return std::unexpected(SellerError::shop_not_found);
  if (shop) {
    auto found = GetShop(*shop);
    if (!found || found->owner != *actor.user) return std::unexpected(SellerError::shop_not_found);
    return *found;
  }
  std::vector<Shop> owned = ShopsOwnedBy(*actor.user);
  if (owned.empty()) return std::unexpected(SellerError::shop_not_found);
  return std::move(owned.front());
}

std::expected<Shop, ApplicationError> SellerService::ApprovedShopOf(const core::Actor& actor) {
  if (!actor.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  std::vector<Shop> owned = ShopsOwnedBy(*actor.user);
  for (Shop& shop : owned) {
    if (shop.status == ShopStatus::approved) return std::move(shop);
  }
  if (owned.empty()) return std::unexpected(ApplicationError::not_a_seller);
  if (std::ranges::any_of(owned, [](const Shop& shop) { return shop.status == ShopStatus::suspended; })) {
    return std::unexpected(ApplicationError::shop_suspended);
  }
  return std::unexpected(owned.back().status == ShopStatus::pending ? ApplicationError::application_pending
                                                                    : ApplicationError::application_rejected);
}

std::expected<Shop, SellerError> SellerService::SetDeliveryOptions(const core::Actor& actor, core::SellerId shop,
                                                                   DeliveryOptions options) {
  options.pickup_place = std::string(text::TrimAscii(options.pickup_place));
  if (auto valid = Validate(options); !valid) return std::unexpected(valid.error());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Shop, SellerError> {
    auto found = ShopRepository::Find(connection, shop);
    // Read and written in one transaction, so the owner checked is the owner at the write.
    if (!found || !actor.signed_in() || found->owner != *actor.user) {
      return std::unexpected(SellerError::shop_not_found);
    }
    ShopRepository::UpdateDelivery(connection, shop, options);
    found->delivery = std::move(options);
    return *found;
  });
}

std::expected<Shop, SellerError> SellerService::SetLogo(const core::Actor& actor, core::SellerId shop,
                                                        std::string_view logo_url) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Shop, SellerError> {
    auto found = ShopRepository::Find(connection, shop);
    if (!found || !actor.signed_in() || found->owner != *actor.user) {
      return std::unexpected(SellerError::shop_not_found);
    }
    ShopRepository::UpdateLogo(connection, shop, logo_url);
    found->logo_url = std::string(logo_url);
    return *found;
  });
}

std::vector<Shop> SellerService::FindShopsIn(db::Connection& connection, std::span<const core::SellerId> ids) {
  std::vector<core::SellerId> unique(ids.begin(), ids.end());
  std::ranges::sort(unique);
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  if (unique.empty()) return {};
  return ShopRepository::FindMany(connection, unique);
}

std::string_view ErrorCode(SellerError error) {
  switch (error) {
    case SellerError::shop_not_found:
      return "shop_not_found";
    case SellerError::invalid_courier_fee:
      return "invalid_courier_fee";
    case SellerError::invalid_free_courier_from:
      return "invalid_free_courier_from";
    case SellerError::invalid_pickup_place:
      return "invalid_pickup_place";
  }
  return "seller_error";
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::sellers_migrations(); }

}  // namespace manmulsang::sellers
