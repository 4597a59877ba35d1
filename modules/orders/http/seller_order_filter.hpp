#pragma once

// The one reading of the seller's order filter: /seller/orders, its CSV (/seller/orders.csv) and
// the export API (/api/v1/seller/orders/export) take the same query — tab=<name> and from=/to=
// as marketplace days (YYYY-MM-DD, UTC+9, both ends included).

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/orders/orders.hpp"

namespace manmulsang::orders {

// A tab of /seller/orders: its name in the URL and the statuses it lists.
struct SellerOrderTab {
  std::string_view name;
  std::array<OrderStatus, kMaxStatusFilter> statuses;
  std::size_t count;

  std::span<const OrderStatus> Statuses() const { return {statuses.data(), count}; }
};

// The list's tabs in their order. "all" (every status) is no tab of the list but a filter of the
// export, its default.
std::span<const SellerOrderTab> SellerOrderTabs();
inline constexpr std::string_view kAllOrdersTab = "all";

struct SellerOrderQuery {
  const SellerOrderTab* tab = nullptr;  // none: every status
  std::string from, to;                 // as typed when valid ("" otherwise)
  ShopOrderFilter filter;               // points into *tab
  // A from or to that is no real YYYY-MM-DD, or from after to: invalid_date naming the field. The
  // bad date is left out of the filter; pages say so beside the form, the API answers 400.
  std::optional<http::ApiProblem> date_problem;
  // "tab=...&from=...&to=..." of the valid parts, to carry into links (pages, the CSV).
  std::string QueryString() const;
};

// tab: a tab name, "all", or absent for default_tab; an unknown name is the default too.
SellerOrderQuery ParseSellerOrderQuery(const http::Request& request, std::string_view default_tab);

// GET /seller/orders.csv and /api/v1/seller/orders/export (seller_order_export.cpp), added with
// the seller's order pages.
struct BuyingHttp;
void AddSellerOrderExport(http::Router& router, const BuyingHttp& http);

}  // namespace manmulsang::orders
