#include "seller_order_filter.hpp"

#include <chrono>
#include <optional>

#include "manmulsang/http/form.hpp"

namespace manmulsang::orders {
namespace {

// "To prepare" holds the paid orders and the cash-on-delivery ones, which the shop prepares before
// the money comes (unpaid bank transfers show there too, marked awaiting payment, without a button).
// Returns the shop must answer or that wait for the marketplace have a tab of their own.
constexpr std::array<SellerOrderTab, 7> kTabs = {{
    {"to_prepare", {OrderStatus::paid, OrderStatus::awaiting_payment}, 2},
    {"preparing", {OrderStatus::preparing}, 1},
    {"shipped", {OrderStatus::shipped}, 1},
    {"delivered", {OrderStatus::delivered}, 1},
    {"confirmed", {OrderStatus::confirmed}, 1},
    {"returns", {OrderStatus::return_requested, OrderStatus::return_refused, OrderStatus::disputed}, 3},
    {"cancelled", {OrderStatus::cancelled, OrderStatus::returned}, 2},
}};

const SellerOrderTab* FindTab(std::string_view name) {
  for (const SellerOrderTab& tab : kTabs) {
    if (tab.name == name) return &tab;
  }
  return nullptr;
}

// The first second of a marketplace day written YYYY-MM-DD; nullopt for anything else.
std::optional<core::TimePoint> DayStart(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int index = 0; index < 3; ++index) {
    for (std::size_t offset = 0; offset < lengths[index]; ++offset) {
      const char digit = text[starts[index] + offset];
      if (digit < '0' || digit > '9') return std::nullopt;
      parts[index] = parts[index] * 10 + (digit - '0');
    }
  }
  const std::chrono::year_month_day day{std::chrono::year{parts[0]},
                                        std::chrono::month{static_cast<unsigned>(parts[1])},
                                        std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!day.ok() || parts[0] < 2000) return std::nullopt;
  const std::int64_t midnight_utc = std::chrono::sys_days{day}.time_since_epoch().count() * std::int64_t{86'400};
  return core::FromUnixSeconds(midnight_utc - core::kMarketplaceUtcOffsetSeconds);
}

http::ApiProblem InvalidDate(std::string_view field) {
  return http::ApiProblem{http::Status::bad_request, "invalid_date", std::string(field)};
}

}  // namespace

std::span<const SellerOrderTab> SellerOrderTabs() { return kTabs; }

std::string SellerOrderQuery::QueryString() const {
  std::string query = "tab=" + std::string(tab ? tab->name : kAllOrdersTab);
  if (!from.empty()) query += "&from=" + http::PercentEncode(from);
  if (!to.empty()) query += "&to=" + http::PercentEncode(to);
  return query;
}

SellerOrderQuery ParseSellerOrderQuery(const http::Request& request, std::string_view default_tab) {
  SellerOrderQuery query;
  const std::string_view name = request.Query("tab").value_or(default_tab);
  query.tab = name == kAllOrdersTab ? nullptr : FindTab(name);
  if (!query.tab && name != kAllOrdersTab) query.tab = FindTab(default_tab);
  if (query.tab) query.filter.statuses = query.tab->Statuses();
  if (auto from = request.Query("from"); from && !from->empty()) {
    if (auto start = DayStart(*from)) {
      query.from = std::string(*from);
      query.filter.placed_from = start;
    } else {
      query.date_problem = InvalidDate("from");
    }
  }
  if (auto to = request.Query("to"); to && !to->empty()) {
    if (auto start = DayStart(*to)) {
      query.to = std::string(*to);
      query.filter.placed_before = *start + std::chrono::hours(24);
    } else {
      query.date_problem = InvalidDate("to");
    }
  }
  if (query.filter.placed_from && query.filter.placed_before &&
      *query.filter.placed_from >= *query.filter.placed_before) {
    query.date_problem = InvalidDate("to");
    query.to.clear();
    query.filter.placed_before.reset();
  }
  return query;
}

}  // namespace manmulsang::orders
