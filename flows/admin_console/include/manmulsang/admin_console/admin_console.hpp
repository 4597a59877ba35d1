#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/messages/messages.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/reviews/member_reviews.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/sellers/applications.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::admin_console {

// The days the home's figures and orders chart cover, and the days of its visits chart.
inline constexpr int kFigureDays = 30;
inline constexpr int kVisitChartDays = 90;

// Why the console refused; the routes already refuse non-admins, the service checks again.
enum class ConsoleError {
  not_an_admin,            // 403
  member_not_found,        // 404
  order_not_found,         // 404
  transition_not_allowed,  // 409: the order is no longer a bank transfer awaiting payment
  invalid_reference,       // 400: the deposit's reference is empty, too long or not one line of text
};

std::string_view ErrorCode(ConsoleError error);  // snake_case, as above

// One day of the marketplace: visits, members who joined, orders placed (cancelled and returned
// ones not counted), their gross total and the platform fees the ledger received.
struct ConsoleDay {
  std::string day;  // "2026-11-26", the marketplace's calendar day
  std::int64_t visits = 0;
  std::int64_t new_members = 0;
  std::int64_t orders = 0;
  std::int64_t sales_kpw = 0;
  std::int64_t fees_kpw = 0;
};

// A queue of work waiting for the staff: what, how many, and where it is done.
struct Queue {
  std::string name;  // "applications", "transfers", "payouts", "reported_listings", ...
  std::int64_t count = 0;
  std::string path;  // "/admin/sellers"
};

struct Home {
  ConsoleDay today;                            // day is today's
  ConsoleDay period;                           // sums over kFigureDays; day is the first day
  std::vector<ConsoleDay> days;                // kFigureDays entries, oldest first, today last
  std::vector<analytics::DailyVisits> visits;  // kVisitChartDays entries, oldest first
  std::int64_t visits_in_chart = 0;            // over the visits chart's days
  // The seed's own figures, as the storefront's counter shows them.
  analytics::VisitStats visit_stats;
  std::int64_t members = 0;
  std::vector<Queue> queues;
};

// The deposit reference an admin types when confirming a transfer: one line, at most this long.
inline constexpr std::size_t kMaxDepositReference = 100;

// A bank-transfer order waiting for its deposit, with whom it is from and for.
struct AwaitingTransfer {
  orders::Order order;
  std::string buyer_name;  // empty when the member is gone
  std::string buyer_email;
  std::string shop_name;
  core::TimePoint deadline;  // when the order is cancelled unpaid
};

struct TransferDesk {
  std::vector<AwaitingTransfer> items;  // oldest first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

// How much of a member's activity the member page shows: the newest of each.
inline constexpr int kMemberOrders = 10;
inline constexpr int kMemberWalletEntries = 10;
inline constexpr int kMemberReviews = 10;
inline constexpr int kMemberHistory = 30;

// A member's order with the shop it was placed at.
struct MemberOrder {
  orders::Order order;
  std::string shop_name;  // empty when the shop is gone
};

// A member's review with the listing it is about.
struct MemberReview {
  reviews::Review review;
  std::string product_name;  // empty when the listing is no longer shown
};

// Everything the member page (/admin/members/:id) shows about one member.
struct MemberDetail {
  accounts::User member;
  std::vector<MemberOrder> orders;  // newest first, at most kMemberOrders
  std::int64_t orders_total = 0;
  payments::WalletStatement wallet;   // the balance and the newest kMemberWalletEntries entries
  std::vector<MemberReview> reviews;  // newest first, hidden ones too, at most kMemberReviews
  std::int64_t reviews_total = 0;
  std::vector<sellers::Shop> shops;                 // the shops they own, oldest first
  std::vector<accounts::SessionInfo> sessions;      // signed in now (browser and API)
  std::vector<audit::AuditRecord> history;          // admins' actions on the member, newest first
  std::map<core::UserId, std::string> admin_names;  // of the history's admins
};

// The admin console's reads and its one order move. Every method refuses anyone but an admin.
class AdminConsole {
 public:
  AdminConsole(db::Database& database, const core::Clock& clock, accounts::AccountService& accounts,
               analytics::AnalyticsService& analytics, sellers::SellerService& sellers,
               sellers::ApplicationService& applications, catalog::CatalogService& catalog,
               payments::PaymentService& payments, orders::OrderService& orders, reviews::ReviewService& reviews,
               reviews::QuestionService& questions, messages::MessageService& messages, audit::AuditLog& audit);

  std::expected<Home, ConsoleError> HomeOf(const core::Actor& actor);
  // page/per_page (1.., 1..100).
  std::expected<TransferDesk, ConsoleError> Transfers(const core::Actor& actor, int page, int per_page);
  // The deposit for a bank-transfer order came in: the order's confirm_payment move (cash →
  // escrow in the ledger, the order paid), with the reference in its timeline and the audit log.
  std::expected<orders::Order, ConsoleError> ConfirmTransfer(const core::Actor& actor, core::OrderId order,
                                                             std::string_view reference);
  // The member page: member_not_found for an unknown id.
  std::expected<MemberDetail, ConsoleError> Member(const core::Actor& actor, core::UserId member);

 private:
  db::Database& database_;
  const core::Clock& clock_;
  accounts::AccountService& accounts_;
  analytics::AnalyticsService& analytics_;
  sellers::SellerService& sellers_;
  sellers::ApplicationService& applications_;
  catalog::CatalogService& catalog_;
  payments::PaymentService& payments_;
  orders::OrderService& orders_;
  reviews::ReviewService& reviews_;
  reviews::QuestionService& questions_;
  messages::MessageService& messages_;
  audit::AuditLog& audit_;
};

}  // namespace manmulsang::admin_console
