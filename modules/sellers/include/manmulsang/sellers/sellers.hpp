#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/application_error.hpp"
#include "manmulsang/sellers/delivery.hpp"

namespace manmulsang::sellers {

enum class ShopStatus { pending, approved, rejected };

// A shop's status as the store and the API spell it: "pending", "approved", "rejected".
std::string_view ShopStatusName(ShopStatus status);
std::optional<ShopStatus> ParseShopStatus(std::string_view name);

struct Shop {
  core::SellerId id;
  core::UserId owner;
  std::string name;
  std::string description;
  std::string city;
  ShopStatus status = ShopStatus::pending;
  core::TimePoint created_at;
  DeliveryOptions delivery;
  // The application (applications.hpp): the phone the applicant gave (for the admin, not buyers),
  // the admin's reason when rejected, and when it was decided (none while pending).
  std::string phone;
  std::string rejection_reason;
  std::optional<core::TimePoint> decided_at;
  // "/media/<name>" of the shop's logo (list size, media::StoredImage::list_url); empty = none.
  std::string logo_url;
};

struct NewShop {
  core::UserId owner;
  std::string name;
  std::string description;
  std::string city;
  ShopStatus status = ShopStatus::pending;
  DeliveryOptions delivery;  // default: free courier, no pickup
  std::string phone;
  std::string logo_url;  // "/media/<name>", stored already; empty = none
};

enum class SellerError {
  shop_not_found,             // 404: unknown, or not the actor's shop
  invalid_courier_fee,        // 400: below 0 or above kMaxDeliveryFee
  invalid_free_courier_from,  // 400: 0, below 0 or above kMaxFreeCourierFrom
  invalid_pickup_place,       // 400: blank while pickup is offered, too long, or control characters
};

// The words people read are in the i18n catalogs, keyed by the code.
std::string_view ErrorCode(SellerError error);

// Shops that own products. Applications and their approval: ApplicationService (applications.hpp).
class SellerService {
 public:
  SellerService(db::Database& database, const core::Clock& clock);
  ~SellerService();

  std::optional<Shop> GetShop(core::SellerId id);
  // Batched lookup for listings: the shops that exist among ids.
  std::vector<Shop> FindShops(std::span<const core::SellerId> ids);
  std::int64_t CountApprovedShops();
  // The demo generator's bulk path. Returns ids in input order.
  std::vector<core::SellerId> InsertShops(std::span<const NewShop> shops);
  // The shops a user owns, oldest first.
  std::vector<Shop> ShopsOwnedBy(core::UserId owner);
  // The actor's own shop: the one asked for if the actor owns it, else (none asked for) their
  // oldest. shop_not_found for anyone else's shop, an unknown one, or an actor with no shop.
  std::expected<Shop, SellerError> OwnShop(const core::Actor& actor, std::optional<core::SellerId> shop);
  // The check before a member lists goods: their oldest approved shop. application_pending or
  // application_rejected when their newest application is still waiting or was turned down,
  // not_a_seller when they never applied, unauthenticated for a visitor.
  std::expected<Shop, ApplicationError> ApprovedShopOf(const core::Actor& actor);

  // The shop's owner sets its delivery options (the pickup place is trimmed). Anyone else gets
  // shop_not_found, as if the shop did not exist. Returns the shop as stored.
  std::expected<Shop, SellerError> SetDeliveryOptions(const core::Actor& actor, core::SellerId shop,
                                                      DeliveryOptions options);

  // The shop's owner sets its logo: logo_url is a "/media/<name>" the image pipeline stored
  // already (the file before the row). Anyone else gets shop_not_found. Returns the shop as stored.
  std::expected<Shop, SellerError> SetLogo(const core::Actor& actor, core::SellerId shop, std::string_view logo_url);

  // --- A step inside a caller's transaction (checkout reads the options it charges by) ---
  std::vector<Shop> FindShopsIn(db::Connection& connection, std::span<const core::SellerId> ids);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::sellers
