// The shop's orders as a spreadsheet (docs/SELLING.md, "Orders export"):
//   GET /seller/orders.csv?tab=&from=&to=                 the link on /seller/orders (signed-in page)
//   GET /api/v1/seller/orders/export?shop_id=&tab=&from=&to=   the same file for a bearer token
// The filter is /seller/orders's (seller_order_filter.hpp; tab "all", the default here, is every
// status). One row per order line, UTF-8 with a byte order mark (Korean Excel reads it), CRLF,
// every cell defused against formulas (text::DefuseFormula). At most kMaxExportedOrderLines rows:
// past that the file ends with a note row and the X-Export-Truncated header. Only the shop's own
// orders: another shop is the 404.

#include <map>

#include "buying_http.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/text/csv.hpp"
#include "seller_order_filter.hpp"

namespace manmulsang::orders {
namespace {

constexpr std::string_view kColumns[] = {"order",      "date",       "status",       "buyer",   "recipient",
                                         "phone",      "address",    "product",      "option",  "quantity",
                                         "unit_price", "line_total", "delivery_fee", "carrier", "tracking"};

// What checkout wrote as the address: "recipient (phone)\nline" (orders::FormatAddress); a text of
// another shape is the address alone.
struct AddressParts {
  std::string recipient, phone, line;
};

AddressParts SplitAddress(std::string_view address) {
  AddressParts parts;
  const std::size_t line_break = address.find('\n');
  const std::string_view first = address.substr(0, line_break);
  const std::size_t open = first.rfind(" (");
  if (line_break == std::string_view::npos || open == std::string_view::npos || !first.ends_with(')')) {
    parts.line = std::string(address);
  } else {
    parts.recipient = std::string(first.substr(0, open));
    parts.phone = std::string(first.substr(open + 2, first.size() - open - 3));
    parts.line = std::string(address.substr(line_break + 1));
  }
  for (char& character : parts.line) {
    if (character == '\n' || character == '\r') character = ' ';
  }
  return parts;
}

// An option's line is named "<listing> (<size> / <colour>)" at checkout (catalog::OptionName):
// the product and the option apart. A name without a final parenthesis is the product alone.
std::pair<std::string, std::string> SplitOption(std::string_view name) {
  const std::size_t open = name.rfind(" (");
  if (open == std::string_view::npos || !name.ends_with(')') || open + 3 > name.size()) return {std::string(name), ""};
  return {std::string(name.substr(0, open)), std::string(name.substr(open + 2, name.size() - open - 3))};
}

void Append(std::string& out, std::vector<std::string> fields) {
  for (std::string& field : fields) field = text::DefuseFormula(field);
  text::AppendCsvRecord(out, fields);
}

std::string Csv(const BuyingHttp& http, const http::Request& request, const ShopOrderExport& exported) {
  const auto text = [&](std::string_view key) {
    return std::string(http.renderer.Translate(request.context().locale, key));
  };
  std::vector<core::UserId> buyers;
  for (const Order& order : exported.orders) buyers.push_back(order.buyer);
  std::map<core::UserId, std::string> names;
  for (const accounts::User& user : http.services.accounts.FindUsers(buyers)) names[user.id] = user.name;

  std::string out(text::kUtf8ByteOrderMark);
  out.reserve(exported.lines * 200 + 512);
  std::vector<std::string> header;
  for (std::string_view column : kColumns) header.push_back(text("orders.export." + std::string(column)));
  Append(out, std::move(header));
  for (const Order& order : exported.orders) {
    AddressParts address = SplitAddress(order.address);
    if (order.delivery_method == sellers::DeliveryMethod::pickup && address.line.empty()) {
      address.line = text("orders.export.pickup") + " " + order.pickup_place;
    }
    const std::string status = text("orders.status." + std::string(OrderStatusName(order.status)));
    const auto buyer = names.find(order.buyer);
    bool first_line = true;
    for (const OrderLine& line : order.lines) {
      auto [product, option] = SplitOption(line.name);
      // The delivery fee is the order's: on its first line only, so a column sum is right.
      Append(out, {std::to_string(order.id.value), core::LocalDateTime(order.created_at), status,
                   buyer == names.end() ? "" : buyer->second, address.recipient, address.phone, address.line,
                   std::move(product), std::move(option), std::to_string(line.quantity),
                   std::to_string(line.unit_price_kpw), std::to_string(line.line_total_kpw),
                   first_line ? std::to_string(order.delivery_fee_kpw) : "", order.carrier, order.tracking_number});
      first_line = false;
    }
  }
  if (exported.truncated) {
    Append(out, {text("orders.export.truncated")});
  }
  return out;
}

http::Response Download(const BuyingHttp& http, const http::Request& request, core::SellerId shop,
                        const ShopOrderExport& exported) {
  http::Response response(http::Status::ok, "text/csv; charset=utf-8", Csv(http, request, exported));
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"manmulsang-orders-" + std::to_string(shop.value) + ".csv\"");
  if (exported.truncated) response.SetHeader("X-Export-Truncated", std::to_string(kMaxExportedOrderLines));
  return response;
}

http::Response ExportPage(const BuyingHttp& http, http::Request& request) {
  const core::Actor& actor = request.context().actor;
  if (!actor.signed_in()) return http::SignInRedirect("/seller/orders");
  auto shop = http.services.sellers.OwnShop(actor, std::nullopt);
  if (!shop) return http.renderer.NotFound(request);
  // A bad date is left out, as on the list the link came from.
  const SellerOrderQuery query = ParseSellerOrderQuery(request, kAllOrdersTab);
  auto exported = http.services.orders.ExportShopOrders(actor, shop->id, query.filter);
  if (!exported) return http.renderer.NotFound(request);
  return Download(http, request, shop->id, *exported);
}

http::Response ExportApi(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  const core::Actor& actor = request.context().actor;
  std::optional<core::SellerId> asked;
  if (auto text = request.Query("shop_id"); text && !text->empty()) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "shop_id"});
    asked = core::SellerId{*id};
  }
  auto shop = http.services.sellers.OwnShop(actor, asked);
  if (!shop) return http.Error(request, OrderError::order_not_found);
  const SellerOrderQuery query = ParseSellerOrderQuery(request, kAllOrdersTab);
  if (query.date_problem) return http.Error(request, *query.date_problem);
  // The API names an unknown tab instead of falling back to every order.
  if (auto tab = request.Query("tab"); tab && *tab != kAllOrdersTab && (!query.tab || query.tab->name != *tab)) {
    return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "tab"});
  }
  auto exported = http.services.orders.ExportShopOrders(actor, shop->id, query.filter);
  if (!exported) return http.Error(request, exported.error());
  return Download(http, request, shop->id, *exported);
}

}  // namespace

void AddSellerOrderExport(http::Router& router, const BuyingHttp& http) {
  router.Get(
      "/seller/orders.csv", [http](http::Request& request) { return ExportPage(http, request); }, kNoStore);
  router.Get(
      "/api/v1/seller/orders/export", [http](http::Request& request) { return ExportApi(http, request); }, kNoStore);
}

}  // namespace manmulsang::orders
