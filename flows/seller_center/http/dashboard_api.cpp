// GET /api/v1/seller/dashboard: the dashboard's numbers for scripts and apps. See
// seller_center_routes.hpp for the answer's shape.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "seller_center_http.hpp"

namespace manmulsang::seller_center {
namespace {

boost::json::object MoneyJson(core::Money money) {
  return {{"amount", money.amount}, {"currency", core::CurrencyCode(money.currency)}};
}

boost::json::object Won(std::int64_t amount) { return MoneyJson({amount, core::Currency::kpw}); }

boost::json::object DashboardJson(const Dashboard& dashboard) {
  boost::json::object counts;
  for (const auto& [status, count] : dashboard.order_counts) counts[orders::OrderStatusName(status)] = count;
  boost::json::array days;
  for (const DashboardDay& day : dashboard.days) {
    days.push_back(boost::json::object{
        {"day", day.day}, {"orders", day.orders}, {"revenue", Won(day.revenue_kpw)}, {"views", day.views}});
  }
  boost::json::array terms;
  for (const analytics::SearchTermCount& term : dashboard.search_terms) {
    terms.push_back(boost::json::object{{"query", term.query}, {"count", term.count}});
  }
  return {{"shop", boost::json::object{{"id", dashboard.shop.id.value}, {"name", dashboard.shop.name}}},
          {"today", boost::json::object{{"orders", dashboard.orders_today},
                                        {"revenue", Won(dashboard.revenue_today_kpw)},
                                        {"views", dashboard.views_today}}},
          {"period", boost::json::object{{"days", static_cast<std::int64_t>(dashboard.days.size())},
                                         {"orders", dashboard.orders_in_period},
                                         {"revenue", Won(dashboard.revenue_in_period_kpw)},
                                         {"views", dashboard.views_in_period}}},
          {"orders_to_prepare", dashboard.orders_to_prepare},
          {"order_counts", std::move(counts)},
          {"days", std::move(days)},
          {"search_terms", std::move(terms)},
          {"unanswered_questions", dashboard.unanswered_questions},
          {"balance", MoneyJson(dashboard.balance)}};
}

http::Response Show(const SellerCenterHttp& http, http::Request& request) {
  auto shop = RequestedShop(request);
  if (!shop) return http.Error(request, shop.error());
  auto dashboard = http.services.center.DashboardOf(request.context().actor, *shop);
  if (!dashboard) return http.Error(request, dashboard.error());
  return http::Response::Json(DashboardJson(*dashboard));
}

}  // namespace

void AddDashboardApi(http::Router& router, const SellerCenterHttp& http) {
  router.Get(
      "/api/v1/seller/dashboard", [http](http::Request& request) { return Show(http, request); }, kShopOnly);
}

}  // namespace manmulsang::seller_center
