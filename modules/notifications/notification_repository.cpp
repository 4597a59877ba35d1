#include "notification_repository.hpp"

#include <string>

namespace manmulsang::notifications {
namespace {

// The recipient's "off" row, when there is one, keeps the notice out; a re-run of the whole
// transaction runs this once more on a fresh transaction, so it never writes twice.
constexpr std::string_view kInsertUnlessTurnedOff =
    "INSERT INTO notifications (recipient_id, kind, subject, link, created_at) "
    "SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS TEXT), CAST($5 AS BIGINT) "
    "WHERE NOT EXISTS (SELECT 1 FROM notification_preferences "
    "WHERE user_id = $1 AND kind = $2 AND enabled = 0)";

constexpr std::string_view kColumns =
    "SELECT id, recipient_id, kind, subject, link, created_at, read_at FROM notifications ";

const std::string kPage = std::string(kColumns) + "WHERE recipient_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3";
const std::string kFind = std::string(kColumns) + "WHERE id = $1 AND recipient_id = $2";

constexpr std::string_view kCount = "SELECT COUNT(*) FROM notifications WHERE recipient_id = $1";
// Answered from the (recipient_id, read_at, id) index alone.
constexpr std::string_view kCountUnread =
    "SELECT COUNT(*) FROM notifications WHERE recipient_id = $1 AND read_at IS NULL";

constexpr std::string_view kMarkRead =
    "UPDATE notifications SET read_at = $3 WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL";
constexpr std::string_view kMarkAllRead =
    "UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL";

constexpr std::string_view kPreferences = "SELECT kind, enabled FROM notification_preferences WHERE user_id = $1";
constexpr std::string_view kSetPreference =
    "INSERT INTO notification_preferences (user_id, kind, enabled) VALUES ($1, $2, $3) "
    "ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled";

Notification ReadNotification(const db::Row& row) {
  Notification notification;
  notification.id = row.Int(0);
  notification.recipient = core::UserId{row.Int(1)};
  const std::string kind = row.Text(2);
  const std::optional<Kind> parsed = ParseKind(kind);
  if (!parsed) throw db::DatabaseError("notification " + std::to_string(notification.id) + " of unknown kind " + kind);
  notification.kind = *parsed;
  notification.subject = row.Text(3);
  notification.link = row.Text(4);
  notification.created_at = core::FromUnixSeconds(row.Int(5));
  if (!row.IsNull(6)) notification.read_at = core::FromUnixSeconds(row.Int(6));
  return notification;
}

}  // namespace

void NotificationRepository::InsertUnlessTurnedOff(db::Connection& connection, std::int64_t created_at,
                                                   const Notice& notice) {
  connection.Execute(kInsertUnlessTurnedOff,
                     {notice.recipient.value, KindName(notice.kind), notice.subject, notice.link, created_at});
}

std::vector<Notification> NotificationRepository::Page(db::Connection& connection, core::UserId recipient, int limit,
                                                       std::int64_t offset) {
  std::vector<Notification> notifications;
  for (const db::Row& row : connection.Query(kPage, {recipient.value, std::int64_t{limit}, offset})) {
    notifications.push_back(ReadNotification(row));
  }
  return notifications;
}

std::int64_t NotificationRepository::Count(db::Connection& connection, core::UserId recipient) {
  auto row = connection.QueryOne(kCount, {recipient.value});
  return row ? row->Int(0) : 0;
}

std::int64_t NotificationRepository::CountUnread(db::Connection& connection, core::UserId recipient) {
  auto row = connection.QueryOne(kCountUnread, {recipient.value});
  return row ? row->Int(0) : 0;
}

std::optional<Notification> NotificationRepository::Find(db::Connection& connection, core::UserId recipient,
                                                         std::int64_t id) {
  auto row = connection.QueryOne(kFind, {id, recipient.value});
  if (!row) return std::nullopt;
  return ReadNotification(*row);
}

std::int64_t NotificationRepository::MarkRead(db::Connection& connection, core::UserId recipient, std::int64_t id,
                                              std::int64_t read_at) {
  return connection.Execute(kMarkRead, {id, recipient.value, read_at});
}

std::int64_t NotificationRepository::MarkAllRead(db::Connection& connection, core::UserId recipient,
                                                 std::int64_t read_at) {
  return connection.Execute(kMarkAllRead, {recipient.value, read_at});
}

std::vector<std::pair<std::string, bool>> NotificationRepository::Preferences(db::Connection& connection,
                                                                              core::UserId member) {
  std::vector<std::pair<std::string, bool>> preferences;
  for (const db::Row& row : connection.Query(kPreferences, {member.value})) {
    preferences.emplace_back(row.Text(0), row.Int(1) != 0);
  }
  return preferences;
}

void NotificationRepository::SetPreference(db::Connection& connection, core::UserId member, std::string_view kind,
                                           bool enabled) {
  connection.Execute(kSetPreference, {member.value, kind, std::int64_t{enabled ? 1 : 0}});
}

}  // namespace manmulsang::notifications
