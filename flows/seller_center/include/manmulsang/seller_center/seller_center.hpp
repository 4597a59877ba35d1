#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::seller_center {

// The days the dashboard's chart and totals cover.
inline constexpr int kDashboardDays = 30;

// Why the seller center refused; the pages send each to where the member can act on it.
enum class SellerCenterError {
  unauthenticated,       // 401 (pages: /login)
  not_a_seller,          // 403: never applied (pages: /seller/apply)
  application_pending,   // 403: waiting for an admin (pages: /seller/application)
  application_rejected,  // 403: turned down (pages: /seller/application, which says why)
  shop_suspended,        // 403: an admin suspended the shop (pages: /seller/application, which says why)
  shop_not_found,        // 404: another member's shop, an unknown one, or one not approved
};

std::string_view ErrorCode(SellerCenterError error);  // snake_case, as above

// One day of the shop: its orders and revenue (cancelled and returned ones not counted) and the
// views of its pages.
struct DashboardDay {
  std::string day;  // "2026-11-26", the marketplace's calendar day
  std::int64_t orders = 0;
  std::int64_t revenue_kpw = 0;
  std::int64_t views = 0;
};

struct Dashboard {
  sellers::Shop shop;
  std::vector<DashboardDay> days;  // kDashboardDays entries, oldest first, today last
  std::int64_t orders_today = 0;
  std::int64_t revenue_today_kpw = 0;
  std::int64_t orders_in_period = 0;
  std::int64_t revenue_in_period_kpw = 0;
  std::int64_t views_today = 0;
  std::int64_t views_in_period = 0;
  // Paid, or awaiting payment (cash on delivery is prepared before the money comes): the orders
  // page's "to prepare" tab.
  std::int64_t orders_to_prepare = 0;
  std::map<orders::OrderStatus, std::int64_t> order_counts;  // every status, zeros too
  std::vector<analytics::SearchTermCount> search_terms;      // top ten over the period
  std::int64_t unanswered_questions = 0;
  core::Money balance;  // the shop's wallet (KPW)
};

// How many answered questions the queue shows under the unanswered ones.
inline constexpr int kRecentAnswered = 10;

// The shop's question queue: what waits for an answer, and what was answered lately.
struct QuestionQueue {
  sellers::Shop shop;
  reviews::QuestionPage unanswered;                      // oldest first: the longest-waiting buyer first
  std::vector<reviews::Question> answered;               // newest first, at most kRecentAnswered
  std::map<core::ProductId, std::string> product_names;  // of the questions' products
};

// The seller center's reads. The shop is the actor's own: the one named when they own it and it
// is approved, else (none named) their approved shop; never anyone else's.
class SellerCenter {
 public:
  SellerCenter(sellers::SellerService& sellers, catalog::CatalogService& catalog, orders::OrderService& orders,
               payments::PaymentService& payments, analytics::AnalyticsService& analytics,
               reviews::QuestionService& questions);

  std::expected<sellers::Shop, SellerCenterError> SellerShop(const core::Actor& actor,
                                                             std::optional<core::SellerId> shop);
  std::expected<Dashboard, SellerCenterError> DashboardOf(const core::Actor& actor, std::optional<core::SellerId> shop);
  // page/per_page of the unanswered questions (1.., 1..100).
  std::expected<QuestionQueue, SellerCenterError> QuestionsOf(const core::Actor& actor,
                                                              std::optional<core::SellerId> shop, int page,
                                                              int per_page);
  // The shop's owner answers one of its questions (a second answer replaces the first): it is
  // reviews::QuestionService::Answer, the one answer path the product page's routes also take.
  std::expected<reviews::Question, reviews::ReviewError> Answer(const core::Actor& actor, reviews::QuestionId question,
                                                                std::string_view text);

 private:
  sellers::SellerService& sellers_;
  catalog::CatalogService& catalog_;
  orders::OrderService& orders_;
  payments::PaymentService& payments_;
  analytics::AnalyticsService& analytics_;
  reviews::QuestionService& questions_;
};

}  // namespace manmulsang::seller_center
