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

// suspended: an approved shop an admin has stopped; its listings are hidden until it is
// unsuspended (approved again), its open orders are still fulfilled.
enum class ShopStatus { pending, approved, rejected, suspended };

// A shop's status as the store and the API spell it: "pending", "approved", "rejected", "suspended".
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
  // The last suspension: the admin's reason, when and by whom (kept after an unsuspension as its
  // record; none for a shop never suspended).
  std::string suspension_reason;
  std::optional<core::TimePoint> suspended_at;
  std::optional<core::UserId> suspended_by;
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
  invalid_shop_name,          // 400: the shop's settings (ShopSettings), as an application checks them
  invalid_description,        // 400
  invalid_phone,              // 400: not a phone number's shape
  invalid_city,               // 400
};

// The words people read are in the i18n catalogs, keyed by the code.
std::string_view ErrorCode(SellerError error);
// The input an error is about: "name", "description", "phone", "city", "courier_fee",
// "free_courier_from", "pickup_place", or "" (shop_not_found).
std::string_view ErrorField(SellerError error);

// What the shop's owner edits on /seller/shop (and PUT /api/v1/seller/shop): the same rules as an
// application's fields (applications.hpp) and SetDeliveryOptions's. The logo has its own call.
struct ShopSettings {
  std::string name;
  std::string description;
  std::string phone;
  std::string city;
  DeliveryOptions delivery;
};

// Why an admin's look-up or change of a shop was refused.
enum class ShopAdminError {
  forbidden,       // 403: only admins
  shop_not_found,  // 404
  invalid_reason,  // 400: blank (suspending needs one), too long, or control characters
  invalid_page,    // 400: page < 1, per_page outside 1..100
  not_approved,    // 409: only an approved shop is suspended (already suspended, pending, rejected)
  not_suspended,   // 409: only a suspended shop is unsuspended
};

std::string_view ErrorCode(ShopAdminError error);   // snake_case, as above
std::string_view ErrorField(ShopAdminError error);  // "reason", "page" or ""

inline constexpr std::size_t kMaxSuspensionReason = 500;  // bytes, audit::kMaxReasonBytes
inline constexpr int kMaxShopsPerPage = 100;

// The admin's shop list: text is a shop or owner id (digits) or a part of the shop's name or
// phone; none of it lists every shop. Newest first.
struct ShopSearch {
  std::string text;
  std::optional<ShopStatus> status;
  int page = 1;
  int per_page = 20;
};

struct ShopSearchPage {
  std::vector<Shop> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

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

  // The settings cleaned (trimmed, NFC) or the first field that is wrong, in the order of the
  // struct. Lets a form refuse bad fields before it stores an uploaded logo.
  std::expected<ShopSettings, SellerError> CheckShopSettings(const ShopSettings& settings);
  // The shop's owner changes its name, description, phone, city and delivery options at once,
  // and its logo when logo_url is given ("/media/<name>", stored already). Anyone else gets
  // shop_not_found and nothing changes; so does a bad field. Returns the shop as stored.
  std::expected<Shop, SellerError> UpdateShop(const core::Actor& actor, core::SellerId shop,
                                              const ShopSettings& settings,
                                              std::optional<std::string_view> logo_url = std::nullopt);

  // --- Admins only (forbidden for everyone else) ---
  std::expected<ShopSearchPage, ShopAdminError> SearchShops(const core::Actor& admin, const ShopSearch& search);
  std::expected<Shop, ShopAdminError> ShopForAdmin(const core::Actor& admin, core::SellerId shop);
  // How many shops have status (the admin console's figures).
  std::int64_t CountShops(ShopStatus status);

  // --- A step inside a caller's transaction (checkout reads the options it charges by) ---
  std::vector<Shop> FindShopsIn(db::Connection& connection, std::span<const core::SellerId> ids);
  // An admin suspends an approved shop (reason required) or lifts a suspension (reason optional),
  // and the audit log records "shop.suspend" / "shop.unsuspend" in the same transaction. Only the
  // shop's row changes here: the caller hides or shows its listings in the same transaction
  // (catalog::CatalogService::SuspendShop is the one caller), so the shop and its listings never
  // disagree. Conditional on the status, so two admins racing change it once.
  std::expected<Shop, ShopAdminError> SuspendIn(db::Connection& connection, const core::Actor& admin,
                                                core::SellerId shop, std::string_view reason, core::TimePoint now);
  std::expected<Shop, ShopAdminError> UnsuspendIn(db::Connection& connection, const core::Actor& admin,
                                                  core::SellerId shop, std::string_view reason, core::TimePoint now);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::sellers
