#include "manmulsang/admin_console/admin_console.hpp"

#include <algorithm>
#include <set>

#include "manmulsang/accounts/member_statistics.hpp"
#include "manmulsang/payments/fee_income.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::admin_console {
namespace {

constexpr int kMaxPerPage = 100;

ConsoleError FromOrder(orders::OrderError error) {
  switch (error) {
    case orders::OrderError::order_not_found:
      return ConsoleError::order_not_found;
    case orders::OrderError::invalid_note:
      return ConsoleError::invalid_reference;
    default:
      return ConsoleError::transition_not_allowed;
  }
}

// The n-th value from the end of values (0: the last), or 0 when the list is shorter: the
// per-day lists all end today, so they line up from the end.
std::int64_t FromEnd(const std::vector<std::int64_t>& values, std::size_t from_end) {
  return from_end < values.size() ? values[values.size() - 1 - from_end] : 0;
}

}  // namespace

std::string_view ErrorCode(ConsoleError error) {
  switch (error) {
    case ConsoleError::not_an_admin:
      return "not_an_admin";
    case ConsoleError::member_not_found:
      return "member_not_found";
    case ConsoleError::order_not_found:
      return "order_not_found";
    case ConsoleError::transition_not_allowed:
      return "transition_not_allowed";
    case ConsoleError::invalid_reference:
      return "invalid_reference";
  }
  return "not_an_admin";
}

AdminConsole::AdminConsole(db::Database& database, const core::Clock& clock, accounts::AccountService& accounts,
                           analytics::AnalyticsService& analytics, sellers::SellerService& sellers,
                           sellers::ApplicationService& applications, catalog::CatalogService& catalog,
                           payments::PaymentService& payments, orders::OrderService& orders,
                           reviews::ReviewService& reviews, reviews::QuestionService& questions,
                           messages::MessageService& messages, audit::AuditLog& audit)
    : database_(database),
      clock_(clock),
      accounts_(accounts),
      analytics_(analytics),
      sellers_(sellers),
      applications_(applications),
      catalog_(catalog),
      payments_(payments),
      orders_(orders),
      reviews_(reviews),
      questions_(questions),
      messages_(messages),
      audit_(audit) {}

std::expected<Home, ConsoleError> AdminConsole::HomeOf(const core::Actor& actor) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ConsoleError::not_an_admin);
  Home home;
  const core::TimePoint now = clock_.Now();
  home.visits = analytics_.VisitsPerDay(kVisitChartDays);
  for (const analytics::DailyVisits& day : home.visits) home.visits_in_chart += day.visits;
  const std::vector<orders::DailySales> sales = orders_.MarketplaceSales(kFigureDays);
  const std::vector<std::int64_t> joined = accounts::MembersJoinedPerDay(database_, now, kFigureDays);
  const std::vector<std::int64_t> fees = payments::PlatformFeesPerDay(database_, now, kFigureDays);
  std::vector<std::int64_t> visits;
  for (const analytics::DailyVisits& day : home.visits) visits.push_back(day.visits);

  home.days.reserve(sales.size());
  for (std::size_t index = 0; index < sales.size(); ++index) {
    const std::size_t from_end = sales.size() - 1 - index;
    home.days.push_back({sales[index].day, FromEnd(visits, from_end), FromEnd(joined, from_end), sales[index].orders,
                         sales[index].revenue_kpw, FromEnd(fees, from_end)});
  }
  if (!home.days.empty()) {
    home.today = home.days.back();
    home.period.day = home.days.front().day;
  }
  for (const ConsoleDay& day : home.days) {
    home.period.visits += day.visits;
    home.period.new_members += day.new_members;
    home.period.orders += day.orders;
    home.period.sales_kpw += day.sales_kpw;
    home.period.fees_kpw += day.fees_kpw;
  }
  home.visit_stats = analytics_.Stats();
  home.members = accounts_.CountMembers();

  // The queues, each with the page where its work is done.
  auto applications = applications_.List(actor, sellers::ShopStatus::pending, 1, 1);
  home.queues.push_back({"applications", applications ? applications->total : 0, "/admin/sellers"});
  home.queues.push_back({"transfers", orders_.CountAwaitingBankTransfers(), "/admin/transfers"});
  home.queues.push_back({"disputes", orders_.CountDisputed(), "/admin/disputes"});
  home.queues.push_back({"payouts", payments_.CountPayoutsAwaiting(), "/admin/payouts"});
  home.queues.push_back({"reported_listings", catalog_.CountOpenReports(), "/admin/reports/listings"});
  home.queues.push_back({"reported_reviews", reviews_.CountOpenReports(), "/admin/reports/reviews"});
  home.queues.push_back({"reported_questions", questions_.CountOpenReports(), "/admin/reports/questions"});
  home.queues.push_back({"reported_messages", messages_.CountOpenReports(), "/admin/messages/reports"});
  return home;
}

std::expected<TransferDesk, ConsoleError> AdminConsole::Transfers(const core::Actor& actor, int page, int per_page) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ConsoleError::not_an_admin);
  orders::OrderPage found = orders_.AwaitingBankTransfers(page, std::clamp(per_page, 1, kMaxPerPage));
  TransferDesk desk;
  desk.total = found.total;
  desk.page = found.page;
  desk.per_page = found.per_page;
  // The page's buyers and shops in one read each, not one per order.
  std::set<core::UserId> buyer_ids;
  std::set<core::SellerId> shop_ids;
  for (const orders::Order& order : found.items) {
    buyer_ids.insert(order.buyer);
    shop_ids.insert(order.seller);
  }
  const std::vector<core::UserId> buyer_list(buyer_ids.begin(), buyer_ids.end());
  const std::vector<core::SellerId> shop_list(shop_ids.begin(), shop_ids.end());
  std::map<core::UserId, accounts::User> buyers;
  for (accounts::User& user : accounts_.FindUsers(buyer_list)) buyers.emplace(user.id, std::move(user));
  std::map<core::SellerId, std::string> shops;
  for (sellers::Shop& shop : sellers_.FindShops(shop_list)) shops.emplace(shop.id, std::move(shop.name));
  for (orders::Order& order : found.items) {
    AwaitingTransfer item;
    if (auto buyer = buyers.find(order.buyer); buyer != buyers.end()) {
      item.buyer_name = buyer->second.name;
      item.buyer_email = buyer->second.email;
    }
    if (auto shop = shops.find(order.seller); shop != shops.end()) item.shop_name = shop->second;
    item.deadline = orders_.BankTransferDeadline(order.created_at);
    item.order = std::move(order);
    desk.items.push_back(std::move(item));
  }
  return desk;
}

std::expected<orders::Order, ConsoleError> AdminConsole::ConfirmTransfer(const core::Actor& actor, core::OrderId order,
                                                                         std::string_view reference) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ConsoleError::not_an_admin);
  if (!text::IsValidUtf8(reference) || text::HasControlCharacter(reference)) {
    return std::unexpected(ConsoleError::invalid_reference);
  }
  const std::string clean = text::Trim(reference);
  if (clean.empty() || clean.size() > kMaxDepositReference) return std::unexpected(ConsoleError::invalid_reference);
  // Only a bank transfer awaiting payment: the move's table would refuse anything else, but a
  // wrong order id typed on the desk must not look like a payment of some other kind.
  auto found = orders_.GetOrder(actor, order);
  if (!found) return std::unexpected(FromOrder(found.error()));
  if (found->payment_method != orders::PaymentMethod::bank_transfer) {
    return std::unexpected(ConsoleError::transition_not_allowed);
  }
  auto moved = orders_.Apply(actor, order, orders::OrderEvent::confirm_payment, clean);
  if (!moved) return std::unexpected(FromOrder(moved.error()));
  return *moved;
}

}  // namespace manmulsang::admin_console
