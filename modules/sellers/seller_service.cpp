#include <algorithm>

#include "application_validation.hpp"
#include "embedded/sellers_migrations.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/typed_text.hpp"
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

std::expected<ShopSettings, SellerError> SellerService::CheckShopSettings(const ShopSettings& settings) {
  ShopSettings cleaned;
  auto name =
      text::CleanTypedText(settings.name, {.minimum = kMinShopName, .maximum = kMaxShopName, .multiline = false});
  if (!name) return std::unexpected(SellerError::invalid_shop_name);
  cleaned.name = std::move(*name);
  auto description =
      text::CleanTypedText(settings.description, {.minimum = 0, .maximum = kMaxShopDescription, .multiline = true});
  if (!description) return std::unexpected(SellerError::invalid_description);
  cleaned.description = std::move(*description);
  auto phone = CleanPhone(settings.phone);
  if (!phone) return std::unexpected(SellerError::invalid_phone);
  cleaned.phone = std::move(*phone);
  auto city = text::CleanTypedText(settings.city, {.minimum = 1, .maximum = kMaxCity, .multiline = false});
  if (!city) return std::unexpected(SellerError::invalid_city);
  cleaned.city = std::move(*city);
  cleaned.delivery = settings.delivery;
  cleaned.delivery.pickup_place = std::string(text::TrimAscii(cleaned.delivery.pickup_place));
  if (auto valid = Validate(cleaned.delivery); !valid) return std::unexpected(valid.error());
  return cleaned;
}

std::expected<Shop, SellerError> SellerService::UpdateShop(const core::Actor& actor, core::SellerId shop,
                                                           const ShopSettings& settings,
                                                           std::optional<std::string_view> logo_url) {
  auto cleaned = CheckShopSettings(settings);
  if (!cleaned) return std::unexpected(cleaned.error());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Shop, SellerError> {
    auto found = ShopRepository::Find(connection, shop);
    // The owner checked is the owner at the write: both in one transaction.
    if (!found || !actor.signed_in() || found->owner != *actor.user) {
      return std::unexpected(SellerError::shop_not_found);
    }
    ShopRepository::UpdateProfile(connection, shop, *cleaned);
    ShopRepository::UpdateDelivery(connection, shop, cleaned->delivery);
    if (logo_url) ShopRepository::UpdateLogo(connection, shop, *logo_url);
    auto stored = ShopRepository::Find(connection, shop);
    if (!stored) return std::unexpected(SellerError::shop_not_found);
    return *stored;
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
    case SellerError::invalid_shop_name:
      return "invalid_shop_name";
    case SellerError::invalid_description:
      return "invalid_description";
    case SellerError::invalid_phone:
      return "invalid_phone";
    case SellerError::invalid_city:
      return "invalid_city";
  }
  return "seller_error";
}

std::string_view ErrorField(SellerError error) {
  switch (error) {
    case SellerError::shop_not_found:
      return "";
    case SellerError::invalid_courier_fee:
      return "courier_fee";
    case SellerError::invalid_free_courier_from:
      return "free_courier_from";
    case SellerError::invalid_pickup_place:
      return "pickup_place";
    case SellerError::invalid_shop_name:
      return "name";
    case SellerError::invalid_description:
      return "description";
    case SellerError::invalid_phone:
      return "phone";
    case SellerError::invalid_city:
      return "city";
  }
  return "";
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::sellers_migrations(); }

}  // namespace manmulsang::sellers
