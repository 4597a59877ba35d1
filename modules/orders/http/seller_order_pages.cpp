// The seller's fulfilment pages (docs/BUYING.md §3b), no JavaScript needed:
//   GET  /seller/orders[?tab=&from=&to=&page=]   tabs by status with counts, a date range (marketplace
//        days), a page of the shop's orders; a link to the same orders as CSV (seller_order_export.cpp)
//   GET  /seller/orders/:id            the buyer's address, lines, totals, timeline, the moves
//   POST /seller/orders/:id/prepare | ship {carrier, tracking} | deliver | accept-return
//        | refuse-return {note} (the reason the buyer reads, required)
// Each move redirects back to the order with a notice (?done=<event>); a refused one comes back
// with the message and the error's status. Another shop's order, or a member without a shop, is
// the not-found page: nothing says the order exists.

#include <array>

#include "buying_pages.hpp"
#include "seller_order_filter.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 4 * 1024, .no_store = true};

class SellerOrderPages : BuyingPages {
 public:
  explicit SellerOrderPages(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response List(http::Request& request) const {
    const core::Actor& actor = request.context().actor;
    if (!actor.signed_in()) return http::SignInRedirect("/seller/orders");
    auto shop = http.services.sellers.OwnShop(actor, std::nullopt);
    if (!shop) return http.renderer.NotFound(request);
    const SellerOrderQuery query = ParseSellerOrderQuery(request, SellerOrderTabs().front().name);
    const SellerOrderTab* tab = query.tab ? query.tab : &SellerOrderTabs().front();
    auto page = http::ParseListPage(request);
    if (!page) page = http::ListPage{};
    auto counts = http.services.orders.ShopOrderCounts(actor, shop->id);
    ShopOrderFilter filter = query.filter;
    filter.statuses = tab->Statuses();
    auto orders = http.services.orders.ShopOrdersMatching(actor, shop->id, filter, page->page, page->per_page);
    if (!counts || !orders) return http.renderer.NotFound(request);

    html::Data data;
    data.set("title", Text(request, "orders.seller.orders_title"));
    data.set("shop_name", shop->name);
    html::List tabs;
    for (const SellerOrderTab& each : SellerOrderTabs()) {
      std::int64_t count = 0;
      for (std::size_t index = 0; index < each.count; ++index) count += (*counts)[each.statuses[index]];
      html::Data row;
      row.set("name", std::string(each.name));
      row.set("label", Text(request, "orders.seller.tab." + std::string(each.name)));
      row.set("count", std::to_string(count));
      row.set("current", html::Data(&each == tab));
      tabs.push_back(row);
    }
    data.set("tabs", tabs);
    data.set("tab", std::string(tab->name));
    // The date range kept in the tabs, pages and the CSV link.
    data.set("from", query.from);
    data.set("to", query.to);
    std::string dates;
    if (!query.from.empty()) dates += "&from=" + query.from;
    if (!query.to.empty()) dates += "&to=" + query.to;
    data.set("dates", dates);
    if (query.date_problem) data.set("date_error", Text(request, "orders.seller.invalid_date"));
    html::List items;
    for (const Order& order : orders->items) {
      html::Data row;
      row.set("id", std::to_string(order.id.value));
      row.set("created_at", core::LocalDate(order.created_at));
      row.set("status", Text(request, "orders.status." + std::string(OrderStatusName(order.status))));
      row.set("status_code", std::string(OrderStatusName(order.status)));
      row.set("payment_method", Text(request, "orders.method." + std::string(PaymentMethodName(order.payment_method))));
      row.set("total", Money(request, order.total_kpw));
      if (!order.lines.empty()) row.set("first_item", order.lines.front().name);
      if (order.lines.size() > 1) row.set("more_items", std::to_string(order.lines.size() - 1));
      items.push_back(row);
    }
    data.set("orders", items);
    data.set("empty", html::Data(orders->items.empty()));
    html::SetPageNumbers(data, orders->page, orders->per_page, orders->total);
    return Page(request, "orders/seller_orders", std::move(data));
  }

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.path());
    if (!id) return http.renderer.NotFound(request);
    auto order = OwnOrder(request, core::OrderId{*id});
    if (!order) return http.renderer.NotFound(request);
    std::string notice;
    // Only the four moves of this page have a notice; anything else in the URL is ignored.
    if (auto done = request.Query("done")) {
      for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver, OrderEvent::accept_return,
                               OrderEvent::refuse_return}) {
        if (*done == OrderEventName(event)) notice = Text(request, "orders.seller.done." + std::string(*done));
      }
    }
    return Render(request, *order, notice, {}, {}, http::Status::ok);
  }

  http::Response Move(http::Request& request, OrderEvent event) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/orders");
    if (!id) return http.renderer.NotFound(request);
    // Only the shop's own orders: an admin or the buyer use their own pages.
    if (!OwnOrder(request, core::OrderId{*id})) return http.renderer.NotFound(request);
    std::expected<Order, OrderError> moved = std::unexpected(OrderError::order_not_found);
    const std::string tracking(request.form().GetOr("tracking"));
    if (event == OrderEvent::ship) {
      moved = http.services.orders.Ship(request.context().actor, core::OrderId{*id},
                                        Shipment{std::string(request.form().GetOr("carrier")), tracking});
    } else {
      // The refusal's reason; the other forms send no note.
      moved =
          http.services.orders.Apply(request.context().actor, core::OrderId{*id}, event, request.form().GetOr("note"));
    }
    if (moved) {
      return http::Response::Redirect("/seller/orders/" + std::to_string(*id) +
                                      "?done=" + std::string(OrderEventName(event)));
    }
    auto order = OwnOrder(request, core::OrderId{*id});
    if (!order) return http.renderer.NotFound(request);
    const http::ApiProblem problem = ProblemOf(moved.error());
    return Render(request, *order, "", problem.code, tracking, problem.status, request.form().GetOr("note"));
  }

 private:
  // The order if it belongs to one of the actor's shops.
  std::optional<Order> OwnOrder(const http::Request& request, core::OrderId id) const {
    const core::Actor& actor = request.context().actor;
    auto order = http.services.orders.GetOrder(actor, id);
    if (!order) return std::nullopt;
    if (!http.services.sellers.OwnShop(actor, order->seller)) return std::nullopt;
    return *order;
  }

  http::Response Render(const http::Request& request, const Order& order, std::string_view notice,
                        std::string_view error, std::string_view typed_tracking, http::Status status,
                        std::string_view typed_note = {}) const {
    html::Data data;
    data.set("title", Text(request, "orders.seller.order_title") + " " + std::to_string(order.id.value));
    data.set("id", std::to_string(order.id.value));
    data.set("status", Text(request, "orders.status." + std::string(OrderStatusName(order.status))));
    data.set("status_code", std::string(OrderStatusName(order.status)));
    data.set("payment_method", Text(request, "orders.method." + std::string(PaymentMethodName(order.payment_method))));
    data.set("created_at", core::FormatIso8601(order.created_at));
    data.set("created_at_text", html::DateTimeText(order.created_at));
    if (!notice.empty()) data.set("notice", std::string(notice));
    if (!error.empty()) {
      data.set("message", ErrorText(request, error));
      const std::string_view field = error == ErrorCode(OrderError::invalid_carrier) ? "carrier_error"
                                     : error == ErrorCode(OrderError::invalid_note)  ? "note_error"
                                                                                     : "tracking_error";
      data.set(std::string(field), html::Data(true));
    }
    data.set("lines", OrderLines(request, order));
    data.set("subtotal", Money(request, order.subtotal_kpw));
    data.set("delivery_fee", Money(request, order.delivery_fee_kpw));
    data.set("total", Money(request, order.total_kpw));
    // The shop's own coupon is its cost; the marketplace's coupon is not (the shop is settled the
    // price less its own coupon), so that one is shown with a note rather than as a deduction.
    if (order.shop_discount_kpw > 0) data.set("shop_discount", Money(request, order.shop_discount_kpw));
    if (order.site_discount_kpw > 0) data.set("site_discount", Money(request, order.site_discount_kpw));
    SetDelivery(request, order, data);
    data.set("timeline", OrderTimeline(request, order));
    // Only the moves the table allows the shop now; the service checks again on submit.
    const auto allowed = [&](OrderEvent event) {
      return NextStatus(order.status, event, Party::seller, order.payment_method).has_value();
    };
    data.set("can_prepare", html::Data(allowed(OrderEvent::prepare)));
    data.set("can_ship", html::Data(allowed(OrderEvent::ship)));
    data.set("can_deliver", html::Data(allowed(OrderEvent::deliver)));
    data.set("can_accept_return", html::Data(allowed(OrderEvent::accept_return)));
    data.set("can_refuse_return", html::Data(allowed(OrderEvent::refuse_return)));
    data.set("typed_note", std::string(typed_note));
    data.set("cash_on_delivery", html::Data(order.payment_method == PaymentMethod::cash_on_delivery));
    // The carriers the admin offers now (the service takes any carrier of 1..40 characters).
    html::List carriers;
    for (const std::string& carrier : http.services.settings.Current().values.carriers) {
      html::Data row;
      row.set("name", carrier);
      carriers.push_back(row);
    }
    data.set("carriers", carriers);
    data.set("typed_tracking", std::string(typed_tracking));
    return Page(request, "orders/seller_order", std::move(data), status);
  }
};

}  // namespace

void AddSellerOrderPages(http::Router& router, const BuyingHttp& http) {
  auto pages = std::make_shared<const SellerOrderPages>(http);
  AddSellerOrderExport(router, http);
  router.Get(
      "/seller/orders", [pages](http::Request& request) { return pages->List(request); }, kNoStore);
  router.Get(
      "/seller/orders/:id", [pages](http::Request& request) { return pages->Show(request); }, kNoStore);
  const std::pair<std::string_view, OrderEvent> moves[] = {
      {"/seller/orders/:id/prepare", OrderEvent::prepare},
      {"/seller/orders/:id/ship", OrderEvent::ship},
      {"/seller/orders/:id/deliver", OrderEvent::deliver},
      {"/seller/orders/:id/accept-return", OrderEvent::accept_return},
      {"/seller/orders/:id/refuse-return", OrderEvent::refuse_return}};
  for (const auto& [pattern, event] : moves) {
    router.Post(
        pattern, [pages, event](http::Request& request) { return pages->Move(request, event); }, kFormBody);
  }
}

}  // namespace manmulsang::orders
