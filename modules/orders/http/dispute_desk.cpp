// The marketplace's dispute desk (docs/BUYING.md §3), admins only (the routes' role), no
// JavaScript needed:
//   GET  /admin/disputes[?page=]              disputed orders, the longest waiting first
//   GET  /admin/disputes/:order_id            the order, its timeline with every note, both sides'
//                                             reasons and the decision form (or the decision)
//   POST /admin/disputes/:order_id/decision   {outcome: refund|partial_refund|close, amount, reason}
// and their JSON twins under /api/v1/admin/disputes. A refused decision comes back on the order's
// page with what was typed and why; nothing is written.

#include <boost/json/array.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "buying_pages.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kAdminPage{.role = core::Role::admin, .no_store = true};
constexpr http::RouteOptions kAdminForm{.body_limit = 8 * 1024, .role = core::Role::admin, .no_store = true};
constexpr http::RouteOptions kAdminJson{
    .body_limit = 8 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

constexpr std::int64_t kSecondsPerHour = 3600;
constexpr std::int64_t kHoursShownAsHours = 48;

// Won as an admin types them: digits, with group commas or spaces allowed ("12,000"); nullopt for
// anything else (a sign, a decimal point, letters, nothing at all, more than int64 holds).
std::optional<std::int64_t> ParseWon(std::string_view typed) {
  std::string digits;
  for (char character : typed) {
    if (character == ',' || character == ' ') continue;
    if (character < '0' || character > '9') return std::nullopt;
    digits += character;
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;  // a trillion won is the ledger's most
  return std::stoll(digits);
}

// The decision as the form or the JSON body gave it: outcome and amount checked for form here,
// the rules (the amount against the payment, the reason) in the service.
std::expected<DisputeDecision, OrderError> DecisionOf(std::string_view outcome_name,
                                                      std::optional<std::int64_t> refund_kpw, bool amount_given,
                                                      std::string_view reason) {
  auto outcome = ParseDisputeOutcome(outcome_name);
  if (!outcome) return std::unexpected(OrderError::invalid_outcome);
  DisputeDecision decision{*outcome, 0, std::string(reason)};
  if (*outcome == DisputeOutcome::partial_refund) {
    if (!amount_given || !refund_kpw) return std::unexpected(OrderError::invalid_refund_amount);
    decision.refund_kpw = *refund_kpw;
  }
  return decision;
}

// What the admin typed, to show again with the error.
struct TypedDecision {
  std::string outcome;
  std::string amount;
  std::string reason;
};

class DisputeDesk : BuyingPages {
 public:
  explicit DisputeDesk(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response List(http::Request& request) const {
    const http::ListPage page = http::ParseListPage(request).value_or(http::ListPage{});
    const DisputePage disputes = http.services.orders.DisputedOrders(page.page, page.per_page);
    const Names names = NamesOf(disputes.items);
    html::Data data;
    data.set("title", Text(request, "orders.disputes.title"));
    data.set("total", core::FormatCount(disputes.total));
    data.set("empty", html::Data(disputes.items.empty()));
    html::List rows;
    for (const Dispute& dispute : disputes.items) {
      html::Data row = Parties(dispute, names);
      row.set("paid", Money(request, dispute.paid_kpw));
      row.set("refusal_reason", dispute.refusal_reason);
      row.set("escalation_reason", dispute.escalation_reason);
      row.set("age", Age(request, disputes.read_at, dispute.escalated_at.value_or(dispute.order.updated_at)));
      rows.push_back(row);
    }
    data.set("disputes", rows);
    html::SetPageNumbers(data, disputes.page, disputes.per_page, disputes.total);
    return Page(request, "orders/admin_disputes", std::move(data));
  }

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("order_id"));
    if (!id) return http.renderer.NotFound(request);
    const std::string notice = request.Query("decided") ? Text(request, "orders.disputes.decided") : "";
    return Render(request, core::OrderId{*id}, notice, {}, {}, http::Status::ok);
  }

  http::Response Decide(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("order_id"));
    if (!id) return http.renderer.NotFound(request);
    const http::Form& form = request.form();
    const TypedDecision typed{std::string(form.GetOr("outcome")), std::string(form.GetOr("amount")),
                              std::string(form.GetOr("reason"))};
    auto decision = DecisionOf(typed.outcome, ParseWon(typed.amount), true, typed.reason);
    std::expected<Order, OrderError> decided =
        std::unexpected(decision ? OrderError::order_not_found : decision.error());
    if (decision) decided = http.services.orders.DecideDispute(request.context().actor, core::OrderId{*id}, *decision);
    if (decided) return http::Response::Redirect("/admin/disputes/" + std::to_string(*id) + "?decided=1");
    if (decided.error() == OrderError::order_not_found) return http.renderer.NotFound(request);
    const http::ApiProblem problem = ProblemOf(decided.error());
    return Render(request, core::OrderId{*id}, "", problem.code, typed, problem.status);
  }

  http::Response ApiList(http::Request& request) const {
    auto page = http::ParseListPage(request);
    if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    const DisputePage disputes = http.services.orders.DisputedOrders(page->page, page->per_page);
    const Names names = NamesOf(disputes.items);
    boost::json::array items;
    for (const Dispute& dispute : disputes.items) items.push_back(DisputeJson(dispute, names, disputes.read_at, false));
    return http::Response::Json(boost::json::object{{"items", std::move(items)},
                                                    {"total", disputes.total},
                                                    {"page", disputes.page},
                                                    {"per_page", disputes.per_page}});
  }

  http::Response ApiShow(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("order_id"));
    if (!id) return http.Error(request, OrderError::order_not_found);
    auto dispute = http.services.orders.DisputeOf(request.context().actor, core::OrderId{*id});
    if (!dispute) return http.Error(request, dispute.error());
    const Dispute disputes[] = {*dispute};
    return http::Response::Json(DisputeJson(*dispute, NamesOf(disputes), std::nullopt, true));
  }

  http::Response ApiDecide(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("order_id"));
    if (!id) return http.Error(request, OrderError::order_not_found);
    auto body = http::ParseJsonObject(request);
    if (!body) return http.Error(request, body.error());
    auto outcome = http::StringField(*body, "outcome", {"invalid_outcome"});
    if (!outcome) return http.Error(request, outcome.error());
    auto amount = http::OptionalInt64Field(*body, "amount", {"invalid_refund_amount"});
    if (!amount) return http.Error(request, amount.error());
    auto reason = http::StringField(*body, "reason", {"invalid_note", "reason"});
    if (!reason) return http.Error(request, reason.error());
    auto decision = DecisionOf(*outcome, *amount, amount->has_value(), *reason);
    if (!decision) return DecisionError(request, decision.error());
    auto decided = http.services.orders.DecideDispute(request.context().actor, core::OrderId{*id}, *decision);
    if (!decided) return DecisionError(request, decided.error());
    auto dispute = http.services.orders.DisputeOf(request.context().actor, core::OrderId{*id});
    if (!dispute) return http.Error(request, dispute.error());
    const Dispute disputes[] = {*dispute};
    return http::Response::Json(DisputeJson(*dispute, NamesOf(disputes), std::nullopt, true));
  }

 private:
  struct Names {
    std::map<core::UserId, std::string> buyers;
    std::map<core::SellerId, std::string> shops;
  };

  // Every buyer's and shop's name on the page, in one read each.
  Names NamesOf(std::span<const Dispute> disputes) const {
    std::set<core::UserId> buyer_ids;
    std::set<core::SellerId> shop_ids;
    for (const Dispute& dispute : disputes) {
      buyer_ids.insert(dispute.order.buyer);
      shop_ids.insert(dispute.order.seller);
    }
    Names names;
    const std::vector<core::UserId> buyers(buyer_ids.begin(), buyer_ids.end());
    for (const accounts::User& user : http.services.accounts.FindUsers(buyers)) names.buyers[user.id] = user.name;
    const std::vector<core::SellerId> shops(shop_ids.begin(), shop_ids.end());
    for (const sellers::Shop& shop : http.services.sellers.FindShops(shops)) names.shops[shop.id] = shop.name;
    return names;
  }

  static std::string NameIn(const auto& names, auto id) {
    auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
  }

  static html::Data Parties(const Dispute& dispute, const Names& names) {
    html::Data data;
    data.set("id", std::to_string(dispute.order.id.value));
    data.set("buyer_id", std::to_string(dispute.order.buyer.value));
    data.set("buyer_name", NameIn(names.buyers, dispute.order.buyer));
    data.set("shop_id", std::to_string(dispute.order.seller.value));
    data.set("shop_name", NameIn(names.shops, dispute.order.seller));
    return data;
  }

  // How long it has waited: hours for the first two days, then days.
  std::string Age(const http::Request& request, core::TimePoint now, core::TimePoint since) const {
    const std::int64_t hours =
        std::max<std::int64_t>(0, core::ToUnixSeconds(now) - core::ToUnixSeconds(since)) / kSecondsPerHour;
    if (hours < kHoursShownAsHours) return std::to_string(hours) + Text(request, "orders.disputes.hours_suffix");
    return std::to_string(hours / 24) + Text(request, "orders.disputes.days_suffix");
  }

  // The JSON body names the decision's reason field "reason".
  http::Response DecisionError(const http::Request& request, OrderError error) const {
    http::ApiProblem problem = ProblemOf(error);
    if (error == OrderError::invalid_note) problem.field = "reason";
    return http.Error(request, problem);
  }

  boost::json::object DisputeJson(const Dispute& dispute, const Names& names, std::optional<core::TimePoint> read_at,
                                  bool with_order) const {
    boost::json::object json{
        {"order_id", dispute.order.id.value},
        {"status", OrderStatusName(dispute.order.status)},
        {"buyer", {{"id", dispute.order.buyer.value}, {"name", NameIn(names.buyers, dispute.order.buyer)}}},
        {"shop", {{"id", dispute.order.seller.value}, {"name", NameIn(names.shops, dispute.order.seller)}}},
        {"paid", MoneyJson(dispute.paid_kpw)},
        {"return_reason", dispute.return_reason},
        {"refusal_reason", dispute.refusal_reason},
        {"escalation_reason", dispute.escalation_reason},
        {"escalated_at", dispute.escalated_at ? boost::json::value(core::FormatIso8601(*dispute.escalated_at))
                                              : boost::json::value(nullptr)},
        {"decision", nullptr}};
    if (read_at && dispute.escalated_at) {
      json["waiting_seconds"] =
          std::max<std::int64_t>(0, core::ToUnixSeconds(*read_at) - core::ToUnixSeconds(*dispute.escalated_at));
    }
    if (const auto& settlement = dispute.settlement) {
      json["decision"] = boost::json::object{{"outcome", DisputeOutcomeName(settlement->outcome)},
                                             {"refund", MoneyJson(settlement->refund_kpw)},
                                             {"reason", settlement->reason},
                                             {"decided_at", core::FormatIso8601(settlement->at)}};
    }
    if (with_order) json["order"] = OrderJson(dispute.order);
    return json;
  }

  http::Response Render(const http::Request& request, core::OrderId id, std::string_view notice, std::string_view error,
                        const TypedDecision& typed, http::Status status) const {
    auto dispute = http.services.orders.DisputeOf(request.context().actor, id);
    if (!dispute) return http.renderer.NotFound(request);
    const Order& order = dispute->order;
    const Dispute disputes[] = {*dispute};
    html::Data data = Parties(*dispute, NamesOf(disputes));
    data.set("title", Text(request, "orders.disputes.order_title") + " " + std::to_string(order.id.value));
    data.set("status", Text(request, "orders.status." + std::string(OrderStatusName(order.status))));
    data.set("payment_method", Text(request, "orders.method." + std::string(PaymentMethodName(order.payment_method))));
    if (!notice.empty()) data.set("notice", std::string(notice));
    if (!error.empty()) {
      data.set("message", ErrorText(request, error));
      data.set(std::string(error) + "_error", html::Data(true));
    }
    data.set("lines", OrderLines(request, order));
    data.set("total", Money(request, order.total_kpw));
    data.set("paid", Money(request, dispute->paid_kpw));
    data.set("paid_won", std::to_string(dispute->paid_kpw));
    SetDelivery(request, order, data);
    data.set("timeline", OrderTimeline(request, order));
    data.set("return_reason", dispute->return_reason);
    data.set("refusal_reason", dispute->refusal_reason);
    data.set("escalation_reason", dispute->escalation_reason);
    if (dispute->settlement) {
      html::Data decision;
      decision.set("outcome", Text(request, "orders.dispute.outcome." +
                                                std::string(DisputeOutcomeName(dispute->settlement->outcome))));
      decision.set("refund", Money(request, dispute->settlement->refund_kpw));
      decision.set("reason", dispute->settlement->reason);
      decision.set("at", html::DateTimeText(dispute->settlement->at));
      data.set("decision", decision);
    }
    data.set("can_decide", html::Data(order.status == OrderStatus::disputed));
    data.set("typed_amount", typed.amount);
    data.set("typed_reason", typed.reason);
    for (DisputeOutcome outcome : {DisputeOutcome::refund, DisputeOutcome::partial_refund, DisputeOutcome::close}) {
      if (typed.outcome == DisputeOutcomeName(outcome)) {
        data.set("checked_" + std::string(DisputeOutcomeName(outcome)), html::Data(true));
      }
    }
    return Page(request, "orders/admin_dispute", std::move(data), status);
  }
};

}  // namespace

void AddDisputeDesk(http::Router& router, const BuyingHttp& http) {
  auto desk = std::make_shared<const DisputeDesk>(http);
  router.Get(
      "/admin/disputes", [desk](http::Request& request) { return desk->List(request); }, kAdminPage);
  router.Get(
      "/admin/disputes/:order_id", [desk](http::Request& request) { return desk->Show(request); }, kAdminPage);
  router.Post(
      "/admin/disputes/:order_id/decision", [desk](http::Request& request) { return desk->Decide(request); },
      kAdminForm);
  router.Get(
      "/api/v1/admin/disputes", [desk](http::Request& request) { return desk->ApiList(request); }, kAdminPage);
  router.Get(
      "/api/v1/admin/disputes/:order_id", [desk](http::Request& request) { return desk->ApiShow(request); },
      kAdminPage);
  router.Post(
      "/api/v1/admin/disputes/:order_id/decision", [desk](http::Request& request) { return desk->ApiDecide(request); },
      kAdminJson);
}

}  // namespace manmulsang::orders
