#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/notifications/notifications.hpp"

namespace manmulsang::notifications {

// All of this module's SQL.
class NotificationRepository {
 public:
  // Inserts unless the recipient turned the kind off; one statement.
  static void InsertUnlessTurnedOff(db::Connection& connection, std::int64_t created_at, const Notice& notice);
  static std::vector<Notification> Page(db::Connection& connection, core::UserId recipient, int limit,
                                        std::int64_t offset);
  static std::int64_t Count(db::Connection& connection, core::UserId recipient);
  static std::int64_t CountUnread(db::Connection& connection, core::UserId recipient);
  static std::optional<Notification> Find(db::Connection& connection, core::UserId recipient, std::int64_t id);
  // Returns how many rows it marked.
  static std::int64_t MarkRead(db::Connection& connection, core::UserId recipient, std::int64_t id,
                               std::int64_t read_at);
  static std::int64_t MarkAllRead(db::Connection& connection, core::UserId recipient, std::int64_t read_at);
  // The kinds recipient set, by name (kinds without a row are on).
  static std::vector<std::pair<std::string, bool>> Preferences(db::Connection& connection, core::UserId member);
  static void SetPreference(db::Connection& connection, core::UserId member, std::string_view kind, bool enabled);
};

}  // namespace manmulsang::notifications
