#include "manmulsang/seller_center/seller_center.hpp"

#include <algorithm>
#include <vector>

namespace manmulsang::seller_center {
namespace {

SellerCenterError FromApplication(sellers::ApplicationError error) {
  switch (error) {
    case sellers::ApplicationError::unauthenticated:
      return SellerCenterError::unauthenticated;
    case sellers::ApplicationError::application_pending:
      return SellerCenterError::application_pending;
    case sellers::ApplicationError::application_rejected:
      return SellerCenterError::application_rejected;
    case sellers::ApplicationError::shop_suspended:
      return SellerCenterError::shop_suspended;
    default:
      return SellerCenterError::not_a_seller;
  }
}

}  // namespace

std::string_view ErrorCode(SellerCenterError error) {
  switch (error) {
    case SellerCenterError::unauthenticated:
      return "unauthenticated";
    case SellerCenterError::not_a_seller:
      return "not_a_seller";
    case SellerCenterError::application_pending:
      return "application_pending";
    case SellerCenterError::application_rejected:
      return "application_rejected";
    case SellerCenterError::shop_suspended:
      return "shop_suspended";
    case SellerCenterError::shop_not_found:
      return "shop_not_found";
  }
  return "shop_not_found";
}

SellerCenter::SellerCenter(sellers::SellerService& sellers, catalog::CatalogService& catalog,
                           orders::OrderService& orders, payments::PaymentService& payments,
                           analytics::AnalyticsService& analytics, reviews::QuestionService& questions)
    : sellers_(sellers),
      catalog_(catalog),
      orders_(orders),
      payments_(payments),
      analytics_(analytics),
      questions_(questions) {}

std::expected<sellers::Shop, SellerCenterError> SellerCenter::SellerShop(const core::Actor& actor,
                                                                         std::optional<core::SellerId> shop) {
  if (!actor.signed_in()) return std::unexpected(SellerCenterError::unauthenticated);
  if (!shop) {
    auto approved = sellers_.ApprovedShopOf(actor);
    if (!approved) return std::unexpected(FromApplication(approved.error()));
    return *approved;
  }
  // A shop named in the request: the actor's own and approved, or as if it did not exist.
  auto own = sellers_.OwnShop(actor, shop);
  if (!own || own->status != sellers::ShopStatus::approved) {
    return std::unexpected(SellerCenterError::shop_not_found);
  }
  return *own;
}

std::expected<Dashboard, SellerCenterError> SellerCenter::DashboardOf(const core::Actor& actor,
                                                                      std::optional<core::SellerId> shop_id) {
  auto shop = SellerShop(actor, shop_id);
  if (!shop) return std::unexpected(shop.error());
  // The orders module lets the shop's owner in by the seller role; a member whose approval came
  // after they signed in gets it with the next request, so until then the shop is not theirs.
  auto sales = orders_.ShopSales(actor, shop->id, kDashboardDays);
  auto counts = orders_.ShopOrderCounts(actor, shop->id);
  if (!sales || !counts) return std::unexpected(SellerCenterError::shop_not_found);
  auto questions = questions_.ForShop(actor, shop->id, /*unanswered_only=*/true, 1, 1);
  if (!questions) return std::unexpected(SellerCenterError::shop_not_found);

  Dashboard dashboard;
  dashboard.shop = std::move(*shop);
  const analytics::ShopTraffic traffic = analytics_.ShopTrafficOf(dashboard.shop.id, kDashboardDays);
  dashboard.days.reserve(sales->size());
  for (std::size_t index = 0; index < sales->size(); ++index) {
    const orders::DailySales& day = (*sales)[index];
    // Both lists end today and have one entry per day; align them from the end.
    const std::size_t from_end = sales->size() - index;
    const std::int64_t views =
        from_end <= traffic.daily_views.size() ? traffic.daily_views[traffic.daily_views.size() - from_end] : 0;
    dashboard.days.push_back({day.day, day.orders, day.revenue_kpw, views});
    dashboard.orders_in_period += day.orders;
    dashboard.revenue_in_period_kpw += day.revenue_kpw;
    dashboard.views_in_period += views;
  }
  if (!dashboard.days.empty()) {
    dashboard.orders_today = dashboard.days.back().orders;
    dashboard.revenue_today_kpw = dashboard.days.back().revenue_kpw;
  }
  dashboard.views_today = traffic.views_today;
  dashboard.order_counts = std::move(*counts);
  // As the orders page's "to prepare" tab counts them (the tile links there): paid ones, and
  // those awaiting payment, which holds cash on delivery that the shop prepares before the money.
  dashboard.orders_to_prepare =
      dashboard.order_counts[orders::OrderStatus::paid] + dashboard.order_counts[orders::OrderStatus::awaiting_payment];
  dashboard.search_terms = traffic.search_terms;
  dashboard.unanswered_questions = questions->total;
  dashboard.balance = payments_.SellerStatement(dashboard.shop.id, 1, 1).balance;
  return dashboard;
}

std::expected<QuestionQueue, SellerCenterError> SellerCenter::QuestionsOf(const core::Actor& actor,
                                                                          std::optional<core::SellerId> shop_id,
                                                                          int page, int per_page) {
  auto shop = SellerShop(actor, shop_id);
  if (!shop) return std::unexpected(shop.error());
  auto unanswered = questions_.ForShop(actor, shop->id, /*unanswered_only=*/true, page, per_page);
  // Newest first; the answered among them are the latest answered, give or take a few still
  // waiting, which the list above shows anyway.
  auto latest = questions_.ForShop(actor, shop->id, /*unanswered_only=*/false, 1, kRecentAnswered * 3);
  if (!unanswered || !latest) return std::unexpected(SellerCenterError::shop_not_found);
  QuestionQueue queue{std::move(*shop), std::move(*unanswered), {}, {}};
  for (reviews::Question& question : latest->items) {
    if (!question.answer) continue;
    if (queue.answered.size() == static_cast<std::size_t>(kRecentAnswered)) break;
    queue.answered.push_back(std::move(question));
  }
  // The products' names in one read, not one per question; a listing since hidden or deleted
  // keeps an empty name (the page shows the question without it).
  std::vector<core::ProductId> products;
  for (const reviews::Question& question : queue.unanswered.items) products.push_back(question.product);
  for (const reviews::Question& question : queue.answered) products.push_back(question.product);
  std::ranges::sort(products);
  products.erase(std::ranges::unique(products).begin(), products.end());
  for (core::ProductId product : products) queue.product_names.emplace(product, std::string());
  for (catalog::Product& product : catalog_.ActiveProducts(products)) {
    queue.product_names[product.id] = std::move(product.name);
  }
  return queue;
}

std::expected<reviews::Question, reviews::ReviewError> SellerCenter::Answer(const core::Actor& actor,
                                                                            reviews::QuestionId question,
                                                                            std::string_view text) {
  return questions_.Answer(actor, question, text);
}

}  // namespace manmulsang::seller_center
