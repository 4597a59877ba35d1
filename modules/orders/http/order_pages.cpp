// The buyer's orders: a list, and each order with its lines, totals, status timeline and the
// moves the buyer may make now (cancel before shipment, purchase confirmation, return, and
// escalating a refused return to the marketplace with a reason), and a dispute's decision.

#include <algorithm>

#include "buying_pages.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 4 * 1024, .no_store = true};

class OrderPages : BuyingPages {
 public:
  explicit OrderPages(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response List(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/orders");
    auto page = http::ParseListPage(request);
    if (!page) page = http::ListPage{};
    const OrderPage orders =
        http.services.orders.BuyerOrders(*request.context().actor.user, page->page, page->per_page);
    html::Data data;
    data.set("title", Text(request, "orders.orders_title"));
    if (request.Query("placed")) data.set("notice", Text(request, "orders.placed"));
    html::List items;
    for (const Order& order : orders.items) {
      html::Data row = Summary(request, order);
      if (!order.lines.empty()) row.set("first_item", order.lines.front().name);
      if (order.lines.size() > 1) row.set("more_items", std::to_string(order.lines.size() - 1));
      items.push_back(row);
    }
    data.set("orders", items);
    data.set("empty", html::Data(orders.items.empty()));
    html::SetPageNumbers(data, orders.page, orders.per_page, orders.total);
    return Page(request, "orders/orders", std::move(data));
  }

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.path());
    if (!id) return http.renderer.NotFound(request);
    auto order = http.services.orders.GetOrder(request.context().actor, core::OrderId{*id});
    if (!order) return http.renderer.NotFound(request);
    return Render(request, *order, request.Query("placed") ? "orders.placed" : "", {}, http::Status::ok);
  }

  http::Response Move(http::Request& request, OrderEvent event) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/orders");
    if (!id) return http.renderer.NotFound(request);
    // The escalation's reason; the other forms send no note.
    const std::string_view note = request.form().GetOr("note");
    auto moved = http.services.orders.Apply(request.context().actor, core::OrderId{*id}, event, note);
    if (moved) return http::Response::Redirect("/orders/" + std::to_string(*id));
    if (moved.error() == OrderError::order_not_found) return http.renderer.NotFound(request);
    auto order = http.services.orders.GetOrder(request.context().actor, core::OrderId{*id});
    if (!order) return http.renderer.NotFound(request);
    const http::ApiProblem problem = ProblemOf(moved.error());
    return Render(request, *order, "", problem.code, problem.status, note);
  }

 private:
  html::Data Summary(const http::Request& request, const Order& order) const {
    html::Data data;
    data.set("id", std::to_string(order.id.value));
    data.set("status", Text(request, "orders.status." + std::string(OrderStatusName(order.status))));
    data.set("status_code", std::string(OrderStatusName(order.status)));
    data.set("payment_method", Text(request, "orders.method." + std::string(PaymentMethodName(order.payment_method))));
    data.set("total", Money(request, order.total_kpw));
    data.set("created_at", core::LocalDate(order.created_at));
    return data;
  }

  // Where and by when the buyer pays: the accounts and the deadline the admin set, read now.
  void SetBankTransfer(const Order& order, html::Data& data) const {
    const settings::Settings current = http.services.settings.Current().values;
    html::List accounts;
    for (const settings::BankAccount& account : current.bank_accounts) {
      html::Data row;
      row.set("bank", account.bank);
      row.set("account_number", account.account_number);
      row.set("holder", account.holder);
      accounts.push_back(row);
    }
    data.set("bank_accounts", accounts);
    data.set("no_bank_accounts", html::Data(current.bank_accounts.empty()));
    data.set("bank_transfer_hours", std::to_string(current.bank_transfer_deadline_hours));
    data.set("pay_by", html::DateTimeText(order.created_at + current.BankTransferDeadline()));
  }

  // A refused return: the shop's reason, the buyer's escalation and, once an admin decided, what.
  void SetDispute(const http::Request& request, const Order& order, html::Data& data) const {
    const bool refused = std::ranges::any_of(
        order.timeline, [](const OrderStep& step) { return step.to == OrderStatus::return_refused; });
    if (!refused) return;
    auto dispute = http.services.orders.DisputeOf(request.context().actor, order.id);
    if (!dispute) return;
    html::Data section;
    section.set("refusal_reason", dispute->refusal_reason);
    if (!dispute->escalation_reason.empty()) section.set("escalation_reason", dispute->escalation_reason);
    if (order.status == OrderStatus::disputed) section.set("waiting", html::Data(true));
    if (dispute->settlement) {
      html::Data decision;
      decision.set("outcome", Text(request, "orders.dispute.outcome." +
                                                std::string(DisputeOutcomeName(dispute->settlement->outcome))));
      if (dispute->settlement->refund_kpw > 0) decision.set("refund", Money(request, dispute->settlement->refund_kpw));
      decision.set("reason", dispute->settlement->reason);
      decision.set("at", html::DateTimeText(dispute->settlement->at));
      section.set("decision", decision);
    }
    data.set("dispute", section);
  }

  http::Response Render(const http::Request& request, const Order& order, std::string_view notice_key,
                        std::string_view error, http::Status status, std::string_view typed_note = {}) const {
    html::Data data = Summary(request, order);
    data.set("title", Text(request, "orders.order_title") + " " + std::to_string(order.id.value));
    if (!notice_key.empty()) data.set("notice", Text(request, notice_key));
    if (!error.empty()) data.set("message", ErrorText(request, error));
    data.set("lines", OrderLines(request, order));
    data.set("subtotal", Money(request, order.subtotal_kpw));
    data.set("delivery_fee", Money(request, order.delivery_fee_kpw));
    // Coupon lines only when a coupon took something off (docs/BUYING.md §10).
    if (order.shop_discount_kpw > 0) data.set("shop_discount", Money(request, order.shop_discount_kpw));
    if (order.site_discount_kpw > 0) data.set("site_discount", Money(request, order.site_discount_kpw));
    data.set("delivery_code", std::string(sellers::DeliveryMethodName(order.delivery_method)));
    SetDelivery(request, order, data);
    data.set("timeline", OrderTimeline(request, order));
    // Only the moves the table allows the buyer now; the service checks again on submit.
    const bool is_buyer = request.context().actor.user == order.buyer;
    const auto allowed = [&](OrderEvent event) {
      return is_buyer && NextStatus(order.status, event, Party::buyer, order.payment_method).has_value();
    };
    data.set("can_cancel", html::Data(allowed(OrderEvent::cancel)));
    data.set("can_confirm", html::Data(allowed(OrderEvent::confirm)));
    // Confirming a cash-on-delivery parcel the shop has not marked delivered records the cash the
    // buyer handed over at the door: the confirm step says so.
    data.set("confirm_records_cash", html::Data(order.status == OrderStatus::shipped &&
                                                order.payment_method == PaymentMethod::cash_on_delivery));
    data.set("can_return", html::Data(allowed(OrderEvent::request_return)));
    data.set("can_escalate", html::Data(allowed(OrderEvent::escalate)));
    data.set("typed_note", std::string(typed_note));
    if (error == ErrorCode(OrderError::invalid_note)) data.set("note_error", html::Data(true));
    SetDispute(request, order, data);
    const bool awaiting_bank_transfer =
        order.status == OrderStatus::awaiting_payment && order.payment_method == PaymentMethod::bank_transfer;
    data.set("awaiting_bank_transfer", html::Data(awaiting_bank_transfer));
    if (awaiting_bank_transfer) SetBankTransfer(order, data);
    return Page(request, "orders/order", std::move(data), status);
  }
};

}  // namespace

void AddOrderPages(http::Router& router, const BuyingHttp& http) {
  auto pages = std::make_shared<const OrderPages>(http);
  router.Get(
      "/orders", [pages](http::Request& request) { return pages->List(request); }, kNoStore);
  router.Get(
      "/orders/:id", [pages](http::Request& request) { return pages->Show(request); }, kNoStore);
  const std::pair<std::string_view, OrderEvent> moves[] = {{"/orders/:id/cancel", OrderEvent::cancel},
                                                           {"/orders/:id/confirm", OrderEvent::confirm},
                                                           {"/orders/:id/return", OrderEvent::request_return},
                                                           {"/orders/:id/escalate", OrderEvent::escalate}};
  for (const auto& [pattern, event] : moves) {
    router.Post(
        pattern, [pages, event](http::Request& request) { return pages->Move(request, event); }, kFormBody);
  }
}

}  // namespace manmulsang::orders
