#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::notifications {

// What happened, from the recipient's side. Stored by name ("order_placed"); the text is
// rendered when the notification is shown, in the reader's language, so no language is stored.
enum class Kind {
  order_placed,       // to the shop's owner: a buyer ordered (subject: the order number)
  order_paid,         // to the shop's owner: the order is paid
  order_shipped,      // to the buyer
  order_delivered,    // to the buyer
  order_cancelled,    // to the buyer
  return_requested,   // to the shop's owner
  order_returned,     // to the buyer
  question_answered,  // to the asker (subject: the product's name)
  review_replied,     // to the reviewer
  message_received,   // to the member written to
  payout_paid,        // to the payee
  listing_hidden,     // to the shop's owner: an admin took a listing down
  low_stock,          // to the shop's owner: a checkout took a listing's stock to kLowStock or fewer
};

// Every kind, in the order of the enum (the preferences page lists them so).
std::span<const Kind> AllKinds();
// "order_placed"; the stored and the API's name.
std::string_view KindName(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);

// A listing whose stock a checkout takes from above this to this or fewer tells its shop once.
inline constexpr std::int64_t kLowStock = 3;

struct Notice {
  core::UserId recipient;
  Kind kind;
  // A short datum shown in the text (an order number, a product's name); cut to kMaxSubjectBytes.
  std::string subject;
  // A same-site path ("/orders/12") the notification opens.
  std::string link;
};

inline constexpr std::size_t kMaxSubjectBytes = 200;
inline constexpr std::size_t kMaxLinkBytes = 500;

// Records notice inside the caller's write transaction, so the cause and its notification commit
// (or roll back) together. Skips a kind the recipient turned off. Safe to run again with the
// transaction (a re-run of the whole body writes one row, as the first run would have). Throws
// std::invalid_argument for what only our own code can get wrong: no recipient, or a link that
// is not a same-site path.
void RecordIn(db::Connection& connection, core::TimePoint now, const Notice& notice);

// One notification as its recipient reads it.
struct Notification {
  std::int64_t id = 0;
  core::UserId recipient;
  Kind kind = Kind::order_placed;
  std::string subject;
  std::string link;
  core::TimePoint created_at;
  std::optional<core::TimePoint> read_at;
};

struct NotificationPage {
  std::vector<Notification> items;  // newest first
  std::int64_t total = 0;
  std::int64_t unread = 0;
  int page = 1;
  int per_page = 20;
};

struct Preference {
  Kind kind = Kind::order_placed;
  bool enabled = true;
};

enum class NotificationError {
  not_found,  // no such notification of this member (another member's is not found either)
};

// Delivers one notice to one member by some other way than the page: the place an SMS gateway
// (or mail) plugs in. In-app needs no channel: the row RecordIn writes is the delivery. A channel
// must never be called inside the cause's transaction (on PostgreSQL it may run several times);
// a gateway would read the notifications committed since its last turn from a timed job, with a
// cursor row of its own, and call Deliver for each one whose kind the member wants sent.
class NotificationChannel {
 public:
  virtual ~NotificationChannel() = default;
  // True when the channel took the notice; false to be tried again on its next turn.
  virtual bool Deliver(const Notification& notification) = 0;
};

// The member's notification centre: the list, the unread count (the header's bell), marking
// read, and which kinds the member gets.
class NotificationService {
 public:
  NotificationService(db::Database& database, const core::Clock& clock);

  // Newest first; page and per_page (1..100) are clamped, never an error.
  NotificationPage List(core::UserId recipient, int page = 1, int per_page = 20);
  // One indexed count; the header asks it on every signed-in page.
  std::int64_t UnreadCount(core::UserId recipient);
  // Marks one of recipient's notifications read (again is fine) and returns it; another member's
  // or an unknown id is not_found and changes nothing.
  std::expected<Notification, NotificationError> MarkRead(core::UserId recipient, std::int64_t id);
  // Returns how many were unread.
  std::int64_t MarkAllRead(core::UserId recipient);

  // Every kind with whether recipient gets it (all on until turned off).
  std::vector<Preference> Preferences(core::UserId member);
  // Sets the kinds listed; kinds not listed keep their setting.
  void SetPreferences(core::UserId member, std::span<const Preference> preferences);

 private:
  db::Database& database_;
  const core::Clock& clock_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::notifications
