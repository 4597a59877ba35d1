#include <algorithm>
#include <array>
#include <stdexcept>

#include "embedded/notifications_migrations.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "notification_repository.hpp"

namespace manmulsang::notifications {
namespace {

constexpr std::array kKinds = {Kind::order_placed,     Kind::order_paid,        Kind::order_shipped,
                               Kind::order_delivered,  Kind::order_cancelled,   Kind::return_requested,
                               Kind::order_returned,   Kind::question_answered, Kind::review_replied,
                               Kind::message_received, Kind::payout_paid,       Kind::listing_hidden,
                               Kind::low_stock};

constexpr std::array<std::string_view, kKinds.size()> kKindNames = {
    "order_placed",     "order_paid",     "order_shipped",     "order_delivered", "order_cancelled",
    "return_requested", "order_returned", "question_answered", "review_replied",  "message_received",
    "payout_paid",      "listing_hidden", "low_stock"};

// text cut to at most max_bytes without splitting a UTF-8 sequence: a product's name may be long.
std::string CutUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

// Only our own code builds links, and only to this site's pages: "/orders/12", never "//host".
bool IsSameSitePath(std::string_view link) {
  return !link.empty() && link.size() <= kMaxLinkBytes && link.front() == '/' &&
         (link.size() == 1 || (link[1] != '/' && link[1] != '\\'));
}

}  // namespace

std::span<const Kind> AllKinds() { return kKinds; }

std::string_view KindName(Kind kind) {
  const auto index = static_cast<std::size_t>(kind);
  if (index >= kKindNames.size()) throw std::logic_error("notification kind without a name");
  return kKindNames[index];
}

std::optional<Kind> ParseKind(std::string_view name) {
  const auto found = std::find(kKindNames.begin(), kKindNames.end(), name);
  if (found == kKindNames.end()) return std::nullopt;
  return kKinds[static_cast<std::size_t>(found - kKindNames.begin())];
}

void RecordIn(db::Connection& connection, core::TimePoint now, const Notice& notice) {
  if (!notice.recipient) throw std::invalid_argument("notification without a recipient");
  if (!IsSameSitePath(notice.link)) throw std::invalid_argument("notification link is not a same-site path");
  Notice checked = notice;
  checked.subject = CutUtf8(notice.subject, kMaxSubjectBytes);
  NotificationRepository::InsertUnlessTurnedOff(connection, core::ToUnixSeconds(now), checked);
}

NotificationService::NotificationService(db::Database& database, const core::Clock& clock)
    : database_(database), clock_(clock) {}

NotificationPage NotificationService::List(core::UserId recipient, int page, int per_page) {
  NotificationPage result;
  result.page = std::max(1, page);
  result.per_page = std::clamp(per_page, 1, 100);
  const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
  database_.Read([&](db::Connection& connection) {
    result.items = NotificationRepository::Page(connection, recipient, result.per_page, offset);
    result.total = NotificationRepository::Count(connection, recipient);
    result.unread = NotificationRepository::CountUnread(connection, recipient);
  });
  return result;
}

std::int64_t NotificationService::UnreadCount(core::UserId recipient) {
  if (!recipient) return 0;
  return database_.Read(
      [&](db::Connection& connection) { return NotificationRepository::CountUnread(connection, recipient); });
}

std::expected<Notification, NotificationError> NotificationService::MarkRead(core::UserId recipient, std::int64_t id) {
  const std::int64_t now = core::ToUnixSeconds(clock_.Now());
  return database_.Write([&](db::Connection& connection) -> std::expected<Notification, NotificationError> {
    // Conditional on the recipient: another member's id matches no row and changes nothing.
    NotificationRepository::MarkRead(connection, recipient, id, now);
    auto notification = NotificationRepository::Find(connection, recipient, id);
    if (!notification) return std::unexpected(NotificationError::not_found);
    return *notification;
  });
}

std::int64_t NotificationService::MarkAllRead(core::UserId recipient) {
  const std::int64_t now = core::ToUnixSeconds(clock_.Now());
  return database_.Write(
      [&](db::Connection& connection) { return NotificationRepository::MarkAllRead(connection, recipient, now); });
}

std::vector<Preference> NotificationService::Preferences(core::UserId member) {
  const auto stored = database_.Read(
      [&](db::Connection& connection) { return NotificationRepository::Preferences(connection, member); });
  std::vector<Preference> preferences;
  for (Kind kind : kKinds) {
    bool enabled = true;
    for (const auto& [name, value] : stored) {
      if (name == KindName(kind)) enabled = value;
    }
    preferences.push_back(Preference{kind, enabled});
  }
  return preferences;
}

void NotificationService::SetPreferences(core::UserId member, std::span<const Preference> preferences) {
  database_.Write([&](db::Connection& connection) {
    for (const Preference& preference : preferences) {
      NotificationRepository::SetPreference(connection, member, KindName(preference.kind), preference.enabled);
    }
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::notifications_migrations(); }

}  // namespace manmulsang::notifications
