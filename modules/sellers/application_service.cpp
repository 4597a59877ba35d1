#include <algorithm>

#include "application_validation.hpp"
#include "manmulsang/sellers/applications.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "shop_repository.hpp"

namespace manmulsang::sellers {

struct ApplicationService::Impl {
  db::Database& database;
  const core::Clock& clock;
  accounts::AccountService& accounts;

  std::int64_t NowSeconds() const { return core::ToUnixSeconds(clock.Now()); }
};

ApplicationService::ApplicationService(db::Database& database, const core::Clock& clock,
                                       accounts::AccountService& accounts)
    : impl_(std::make_unique<Impl>(Impl{database, clock, accounts})) {}

ApplicationService::~ApplicationService() = default;

std::expected<Shop, ApplicationError> ApplicationService::Apply(const core::Actor& actor,
                                                                const Application& application) {
  if (!actor.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  auto valid = ValidateApplication(application);
  if (!valid) return std::unexpected(valid.error());
  const std::int64_t now = impl_->NowSeconds();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Shop, ApplicationError> {
    // Checked on the write connection, so two applications sent at once cannot both pass.
    for (const Shop& owned : ShopRepository::FindByOwner(connection, *actor.user)) {
      if (owned.status == ShopStatus::pending) return std::unexpected(ApplicationError::application_open);
      if (owned.status == ShopStatus::approved) return std::unexpected(ApplicationError::already_seller);
      // A new application must not be the way around a suspension.
      if (owned.status == ShopStatus::suspended) return std::unexpected(ApplicationError::shop_suspended);
    }
    NewShop shop{*actor.user, valid->shop_name, valid->description, valid->city, ShopStatus::pending};
    shop.phone = valid->phone;
    shop.logo_url = application.logo_url;
    const core::SellerId id = ShopRepository::Insert(connection, shop, now);
    auto stored = ShopRepository::Find(connection, id);
    if (!stored) throw db::DatabaseError("a shop just inserted is missing");
    return std::move(*stored);
  });
}

std::expected<void, ApplicationError> ApplicationService::CanApply(const core::Actor& actor,
                                                                   const Application& application) {
  if (!actor.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  auto valid = ValidateApplication(application);
  if (!valid) return std::unexpected(valid.error());
  const std::vector<Shop> owned = impl_->database.Read(
      [&](db::Connection& connection) { return ShopRepository::FindByOwner(connection, *actor.user); });
  for (const Shop& shop : owned) {
    if (shop.status == ShopStatus::pending) return std::unexpected(ApplicationError::application_open);
    if (shop.status == ShopStatus::approved) return std::unexpected(ApplicationError::already_seller);
    if (shop.status == ShopStatus::suspended) return std::unexpected(ApplicationError::shop_suspended);
  }
  return {};
}

std::expected<Shop, ApplicationError> ApplicationService::Current(const core::Actor& actor) {
  if (!actor.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  std::vector<Shop> owned = impl_->database.Read(
      [&](db::Connection& connection) { return ShopRepository::FindByOwner(connection, *actor.user); });
  if (owned.empty()) return std::unexpected(ApplicationError::application_not_found);
  return std::move(owned.back());
}

std::expected<ApplicationPage, ApplicationError> ApplicationService::List(const core::Actor& admin, ShopStatus status,
                                                                          int page, int per_page) {
  if (!admin.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  if (!admin.is(core::Role::admin)) return std::unexpected(ApplicationError::forbidden);
  if (page < 1 || per_page < 1 || per_page > kMaxApplicationsPerPage) {
    return std::unexpected(ApplicationError::invalid_page);
  }
  return impl_->database.Read([&](db::Connection& connection) {
    ApplicationPage result;
    result.page = page;
    result.per_page = per_page;
    result.total = ShopRepository::CountByStatus(connection, status);
    result.items =
        ShopRepository::FindByStatus(connection, status, per_page, static_cast<std::int64_t>(page - 1) * per_page);
    return result;
  });
}

std::expected<Shop, ApplicationError> ApplicationService::Approve(const core::Actor& admin, core::SellerId shop) {
  if (!admin.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  if (!admin.is(core::Role::admin)) return std::unexpected(ApplicationError::forbidden);
  const std::int64_t now = impl_->NowSeconds();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Shop, ApplicationError> {
    auto found = ShopRepository::Find(connection, shop);
    if (!found) return std::unexpected(ApplicationError::application_not_found);
    if (!ShopRepository::Decide(connection, shop, ShopStatus::approved, "", now)) {
      return std::unexpected(ApplicationError::already_decided);
    }
    // The role and the shop's approval commit together: never an approved shop whose owner
    // cannot sell, nor a seller without a shop.
    if (!impl_->accounts.GrantSellerRole(connection, found->owner)) {
      return std::unexpected(ApplicationError::application_not_found);  // the member is gone; nothing is kept
    }
    found->status = ShopStatus::approved;
    found->rejection_reason.clear();
    found->decided_at = core::FromUnixSeconds(now);
    return std::move(*found);
  });
}

std::expected<Shop, ApplicationError> ApplicationService::Reject(const core::Actor& admin, core::SellerId shop,
                                                                 std::string_view reason) {
  if (!admin.signed_in()) return std::unexpected(ApplicationError::unauthenticated);
  if (!admin.is(core::Role::admin)) return std::unexpected(ApplicationError::forbidden);
  auto cleaned = text::CleanTypedText(reason, {.minimum = 1, .maximum = kMaxRejectionReason, .multiline = true});
  if (!cleaned) return std::unexpected(ApplicationError::invalid_reason);
  const std::int64_t now = impl_->NowSeconds();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Shop, ApplicationError> {
    auto found = ShopRepository::Find(connection, shop);
    if (!found) return std::unexpected(ApplicationError::application_not_found);
    if (!ShopRepository::Decide(connection, shop, ShopStatus::rejected, *cleaned, now)) {
      return std::unexpected(ApplicationError::already_decided);
    }
    found->status = ShopStatus::rejected;
    found->rejection_reason = *cleaned;
    found->decided_at = core::FromUnixSeconds(now);
    return std::move(*found);
  });
}

std::string_view ErrorCode(ApplicationError error) {
  switch (error) {
    case ApplicationError::unauthenticated:
      return "unauthenticated";
    case ApplicationError::invalid_shop_name:
      return "invalid_shop_name";
    case ApplicationError::invalid_description:
      return "invalid_description";
    case ApplicationError::invalid_phone:
      return "invalid_phone";
    case ApplicationError::invalid_city:
      return "invalid_city";
    case ApplicationError::invalid_reason:
      return "invalid_reason";
    case ApplicationError::invalid_page:
      return "invalid_page";
    case ApplicationError::application_open:
      return "application_open";
    case ApplicationError::already_seller:
      return "already_seller";
    case ApplicationError::already_decided:
      return "already_decided";
    case ApplicationError::application_not_found:
      return "application_not_found";
    case ApplicationError::forbidden:
      return "forbidden";
    case ApplicationError::not_a_seller:
      return "not_a_seller";
    case ApplicationError::application_pending:
      return "application_pending";
    case ApplicationError::application_rejected:
      return "application_rejected";
    case ApplicationError::shop_suspended:
      return "shop_suspended";
  }
  return "application_error";
}

std::string_view ErrorField(ApplicationError error) {
  switch (error) {
    case ApplicationError::invalid_shop_name:
      return "shop_name";
    case ApplicationError::invalid_description:
      return "description";
    case ApplicationError::invalid_phone:
      return "phone";
    case ApplicationError::invalid_city:
      return "city";
    case ApplicationError::invalid_reason:
      return "reason";
    case ApplicationError::invalid_page:
      return "page";
    default:
      return "";
  }
}

}  // namespace manmulsang::sellers
