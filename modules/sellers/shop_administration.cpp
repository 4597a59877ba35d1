// What admins do with shops: find them, and suspend or unsuspend one (the catalog hides and shows
// its listings in the same transaction; see SellerService::SuspendIn).

#include <charconv>

#include "application_validation.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "seller_service_impl.hpp"
#include "shop_repository.hpp"

namespace manmulsang::sellers {
namespace {

bool IsAdmin(const core::Actor& actor) { return actor.signed_in() && actor.role == core::Role::admin; }

// The admin's words, cleaned as every member's text is; at most kMaxSuspensionReason bytes, the
// audit log's limit for a reason.
std::optional<std::string> CleanReason(std::string_view reason, bool required) {
  auto cleaned = text::CleanTypedText(
      reason,
      {.minimum = required ? std::size_t{1} : std::size_t{0}, .maximum = kMaxSuspensionReason, .multiline = true});
  if (!cleaned || cleaned->size() > kMaxSuspensionReason) return std::nullopt;
  return cleaned;
}

// A LIKE pattern that finds text anywhere, with LIKE's own characters taken literally.
std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char character : text) {
    if (character == '%' || character == '_' || character == '\\') pattern += '\\';
    pattern += character;
  }
  pattern += '%';
  return pattern;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

std::expected<ShopSearchPage, ShopAdminError> SellerService::SearchShops(const core::Actor& admin,
                                                                         const ShopSearch& search) {
  if (!IsAdmin(admin)) return std::unexpected(ShopAdminError::forbidden);
  if (search.page < 1 || search.per_page < 1 || search.per_page > kMaxShopsPerPage) {
    return std::unexpected(ShopAdminError::invalid_page);
  }
  const std::string_view text = text::TrimAscii(search.text);
  ShopMatch match;
  match.status = search.status ? ShopStatusName(*search.status) : "";
  match.name_pattern = "%";
  // Digits name a shop or its owner; anything else is a part of the name or the phone.
  if (auto id = ParseId(text)) {
    match.id = *id;
  } else if (!text.empty()) {
    match.name_pattern = ContainsPattern(text);
  }
  ShopSearchPage result;
  result.page = search.page;
  result.per_page = search.per_page;
  impl_->database.Read([&](db::Connection& connection) {
    result.total = ShopRepository::CountMatching(connection, match);
    result.items = ShopRepository::FindMatching(connection, match, search.per_page,
                                                static_cast<std::int64_t>(search.page - 1) * search.per_page);
  });
  return result;
}

std::expected<Shop, ShopAdminError> SellerService::ShopForAdmin(const core::Actor& admin, core::SellerId shop) {
  if (!IsAdmin(admin)) return std::unexpected(ShopAdminError::forbidden);
  auto found = GetShop(shop);
  if (!found) return std::unexpected(ShopAdminError::shop_not_found);
  return std::move(*found);
}

std::int64_t SellerService::CountShops(ShopStatus status) {
  return impl_->database.Read(
      [&](db::Connection& connection) { return ShopRepository::CountByStatus(connection, status); });
}

std::expected<Shop, ShopAdminError> SellerService::SuspendIn(db::Connection& connection, const core::Actor& admin,
                                                             core::SellerId shop, std::string_view reason,
                                                             core::TimePoint now) {
  if (!IsAdmin(admin)) return std::unexpected(ShopAdminError::forbidden);
  auto cleaned = CleanReason(reason, /*required=*/true);
  if (!cleaned) return std::unexpected(ShopAdminError::invalid_reason);
  if (!shop || !ShopRepository::Find(connection, shop)) return std::unexpected(ShopAdminError::shop_not_found);
  if (!ShopRepository::Suspend(connection, shop, *cleaned, core::ToUnixSeconds(now), *admin.user)) {
    return std::unexpected(ShopAdminError::not_approved);
  }
  audit::RecordIn(connection, now,
                  audit::AuditEntry{*admin.user, "shop.suspend", "shop", std::to_string(shop.value),
                                    std::string(ShopStatusName(ShopStatus::approved)),
                                    std::string(ShopStatusName(ShopStatus::suspended)), *cleaned});
  auto stored = ShopRepository::Find(connection, shop);
  if (!stored) throw db::DatabaseError("a shop just suspended is missing");
  return std::move(*stored);
}

std::expected<Shop, ShopAdminError> SellerService::UnsuspendIn(db::Connection& connection, const core::Actor& admin,
                                                               core::SellerId shop, std::string_view reason,
                                                               core::TimePoint now) {
  if (!IsAdmin(admin)) return std::unexpected(ShopAdminError::forbidden);
  auto cleaned = CleanReason(reason, /*required=*/false);
  if (!cleaned) return std::unexpected(ShopAdminError::invalid_reason);
  if (!shop || !ShopRepository::Find(connection, shop)) return std::unexpected(ShopAdminError::shop_not_found);
  if (!ShopRepository::Unsuspend(connection, shop)) return std::unexpected(ShopAdminError::not_suspended);
  audit::RecordIn(connection, now,
                  audit::AuditEntry{*admin.user, "shop.unsuspend", "shop", std::to_string(shop.value),
                                    std::string(ShopStatusName(ShopStatus::suspended)),
                                    std::string(ShopStatusName(ShopStatus::approved)), *cleaned});
  auto stored = ShopRepository::Find(connection, shop);
  if (!stored) throw db::DatabaseError("a shop just unsuspended is missing");
  return std::move(*stored);
}

std::string_view ErrorCode(ShopAdminError error) {
  switch (error) {
    case ShopAdminError::forbidden:
      return "forbidden";
    case ShopAdminError::shop_not_found:
      return "shop_not_found";
    case ShopAdminError::invalid_reason:
      return "invalid_reason";
    case ShopAdminError::invalid_page:
      return "invalid_page";
    case ShopAdminError::not_approved:
      return "not_approved";
    case ShopAdminError::not_suspended:
      return "not_suspended";
  }
  return "shop_admin_error";
}

std::string_view ErrorField(ShopAdminError error) {
  switch (error) {
    case ShopAdminError::invalid_reason:
      return "reason";
    case ShopAdminError::invalid_page:
      return "page";
    default:
      return "";
  }
}

}  // namespace manmulsang::sellers
