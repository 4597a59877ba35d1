// /admin/members/:id: one member as the staff needs them at the desk — who they are, whether and
// why they are suspended, their orders, wallet, reviews, shops, live sessions and what admins did
// to them — with the actions' forms (accounts' partial "accounts/member_actions": suspend or
// unsuspend, role, reset code), which post to accounts' routes and come back here with a flash.
// GET /api/v1/admin/members/:id/activity is its JSON twin (the member's own record is accounts'
// GET /api/v1/admin/members/:id). No JavaScript.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "admin_console_http.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::admin_console {
namespace {

boost::json::object WonJson(std::int64_t amount) {
  return {{"amount", amount}, {"currency", core::CurrencyCode(core::Currency::kpw)}};
}

boost::json::value OptionalSeconds(const std::optional<core::TimePoint>& at) {
  if (!at) return nullptr;
  return core::ToUnixSeconds(*at);
}

boost::json::object MemberJson(const accounts::User& member) {
  return {{"id", member.id.value},
          {"name", member.name},
          {"email", member.email},
          {"phone", member.phone},
          {"role", core::RoleName(member.role)},
          {"joined_at", core::ToUnixSeconds(member.created_at)},
          {"suspended", member.suspended()},
          {"suspended_at", OptionalSeconds(member.suspended_at)},
          {"suspension_reason", member.suspension_reason}};
}

boost::json::object DetailJson(const MemberDetail& detail) {
  boost::json::array orders;
  for (const MemberOrder& item : detail.orders) {
    orders.push_back(boost::json::object{{"id", item.order.id.value},
                                         {"shop", {{"id", item.order.seller.value}, {"name", item.shop_name}}},
                                         {"status", orders::OrderStatusName(item.order.status)},
                                         {"payment_method", orders::PaymentMethodName(item.order.payment_method)},
                                         {"total", WonJson(item.order.total_kpw)},
                                         {"placed_at", core::ToUnixSeconds(item.order.created_at)}});
  }
  boost::json::array entries;
  for (const payments::WalletEntry& entry : detail.wallet.entries) {
    boost::json::value order = nullptr;
    if (entry.order) order = entry.order->value;
    entries.push_back(boost::json::object{{"transfer", entry.transfer.value},
                                          {"kind", payments::TransferKindName(entry.kind)},
                                          {"amount", WonJson(entry.amount)},
                                          {"order", order},
                                          {"reference", entry.reference},
                                          {"at", core::ToUnixSeconds(entry.created_at)}});
  }
  boost::json::array reviews;
  for (const MemberReview& item : detail.reviews) {
    const reviews::Review& review = item.review;
    reviews.push_back(boost::json::object{{"id", review.id.value},
                                          {"product", {{"id", review.product.value}, {"name", item.product_name}}},
                                          {"order", review.order.value},
                                          {"rating", review.rating},
                                          {"body", review.body},
                                          {"hidden", review.hidden},
                                          {"hidden_reason", review.hidden_reason},
                                          {"report_count", review.report_count},
                                          {"created_at", core::ToUnixSeconds(review.created_at)}});
  }
  boost::json::array shops;
  for (const sellers::Shop& shop : detail.shops) {
    shops.push_back(boost::json::object{
        {"id", shop.id.value}, {"name", shop.name}, {"status", sellers::ShopStatusName(shop.status)}});
  }
  boost::json::array sessions;
  for (const accounts::SessionInfo& session : detail.sessions) {
    sessions.push_back(boost::json::object{{"id", session.id},
                                           {"kind", accounts::SessionKindName(session.kind)},
                                           {"created_at", core::ToUnixSeconds(session.created_at)},
                                           {"last_seen_at", core::ToUnixSeconds(session.last_seen_at)},
                                           {"expires_at", core::ToUnixSeconds(session.expires_at)}});
  }
  boost::json::array history;
  for (const audit::AuditRecord& record : detail.history) {
    const auto admin = detail.admin_names.find(record.entry.admin);
    history.push_back(
        boost::json::object{{"id", record.id},
                            {"at", core::ToUnixSeconds(record.created_at)},
                            {"admin",
                             {{"id", record.entry.admin.value},
                              {"name", admin != detail.admin_names.end() ? admin->second : std::string()}}},
                            {"action", record.entry.action},
                            {"before", record.entry.before},
                            {"after", record.entry.after},
                            {"reason", record.entry.reason}});
  }
  return {{"member", MemberJson(detail.member)},
          {"orders", {{"items", std::move(orders)}, {"total", detail.orders_total}}},
          {"wallet",
           {{"balance", WonJson(detail.wallet.balance.amount)},
            {"entries", std::move(entries)},
            {"total", detail.wallet.total}}},
          {"reviews", {{"items", std::move(reviews)}, {"total", detail.reviews_total}}},
          {"shops", std::move(shops)},
          {"sessions", std::move(sessions)},
          {"history", std::move(history)}};
}

// Text a template tests with {{#name}}: an empty string would still count as there, so it is
// false instead.
html::Data Optional(const std::string& text) { return text.empty() ? html::Data(false) : html::Data(text); }

class MemberPageRoutes {
 public:
  explicit MemberPageRoutes(const AdminConsoleHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto detail = http_.services.console.Member(request.context().actor, core::UserId{*id});
    if (!detail) return http_.renderer.NotFound(request);
    const accounts::User& member = detail->member;
    html::Data data;
    data.set("title", member.name);
    // What an action of accounts' forms did, as it came back here (?done= or ?error=).
    const accounts::MemberActionFlash flash = accounts::ReadMemberActionFlash(http_.renderer, request);
    if (!flash.notice.empty()) data.set("notice", flash.notice);
    if (!flash.error.empty()) data.set("message", flash.error);
    data.set("id", std::to_string(member.id.value));
    data.set("name", member.name);
    data.set("email", member.email);
    data.set("phone", Optional(member.phone));
    data.set("role", Label(request, "accounts.role.", core::RoleName(member.role)));
    data.set("joined", core::LocalDateTime(member.created_at));
    data.set("suspended", html::Data(member.suspended()));
    if (member.suspended_at) data.set("suspended_at", core::LocalDateTime(*member.suspended_at));
    data.set("suspension_reason", member.suspension_reason);
    data.set("member_actions", accounts::MemberActionsData(member));

    html::List orders;
    for (const MemberOrder& item : detail->orders) {
      html::Data row;
      row.set("id", std::to_string(item.order.id.value));
      row.set("shop_id", std::to_string(item.order.seller.value));
      row.set("shop_name", Optional(item.shop_name));
      row.set("status", std::string(orders::OrderStatusName(item.order.status)));
      row.set("status_label", Label(request, "orders.status.", orders::OrderStatusName(item.order.status)));
      row.set("method", Label(request, "orders.method.", orders::PaymentMethodName(item.order.payment_method)));
      row.set("total", Won(request, item.order.total_kpw));
      row.set("placed", core::LocalDateTime(item.order.created_at));
      orders.push_back(row);
    }
    data.set("orders", orders);
    data.set("no_orders", html::Data(orders.empty()));
    data.set("orders_total", core::FormatCount(detail->orders_total));

    data.set("balance", Won(request, detail->wallet.balance.amount));
    html::List entries;
    for (const payments::WalletEntry& entry : detail->wallet.entries) {
      html::Data row;
      row.set("at", core::LocalDateTime(entry.created_at));
      row.set("kind", Label(request, "orders.transfer.", payments::TransferKindName(entry.kind)));
      row.set("amount", Won(request, entry.amount));
      row.set("negative", html::Data(entry.amount < 0));
      row.set("order", entry.order ? html::Data(std::to_string(entry.order->value)) : html::Data(false));
      row.set("reference", entry.reference);
      entries.push_back(row);
    }
    data.set("entries", entries);
    data.set("no_entries", html::Data(entries.empty()));
    data.set("entries_total", core::FormatCount(detail->wallet.total));

    html::List reviews;
    for (const MemberReview& item : detail->reviews) {
      html::Data row;
      row.set("id", std::to_string(item.review.id.value));
      row.set("product_id", std::to_string(item.review.product.value));
      row.set("product_name", Optional(item.product_name));
      row.set("rating", std::to_string(item.review.rating));
      row.set("body", Optional(item.review.body));
      row.set("hidden", html::Data(item.review.hidden));
      row.set("hidden_reason", item.review.hidden_reason);
      row.set("written", core::LocalDateTime(item.review.created_at));
      reviews.push_back(row);
    }
    data.set("reviews", reviews);
    data.set("no_reviews", html::Data(reviews.empty()));
    data.set("reviews_total", core::FormatCount(detail->reviews_total));

    html::List shops;
    for (const sellers::Shop& shop : detail->shops) {
      html::Data row;
      row.set("id", std::to_string(shop.id.value));
      row.set("name", shop.name);
      row.set("status", std::string(sellers::ShopStatusName(shop.status)));
      row.set("status_label", Label(request, "admin_console.shop_status.", sellers::ShopStatusName(shop.status)));
      shops.push_back(row);
    }
    data.set("shops", shops);
    data.set("no_shops", html::Data(shops.empty()));

    html::List sessions;
    for (const accounts::SessionInfo& session : detail->sessions) {
      html::Data row;
      row.set("kind", Label(request, "admin_console.session_kind.", accounts::SessionKindName(session.kind)));
      row.set("started", core::LocalDateTime(session.created_at));
      row.set("last_seen", core::LocalDateTime(session.last_seen_at));
      row.set("expires", core::LocalDateTime(session.expires_at));
      sessions.push_back(row);
    }
    data.set("sessions", sessions);
    data.set("no_sessions", html::Data(sessions.empty()));

    html::List history;
    for (const audit::AuditRecord& record : detail->history) {
      html::Data row;
      row.set("at", core::LocalDateTime(record.created_at));
      row.set("admin_id", std::to_string(record.entry.admin.value));
      const auto admin = detail->admin_names.find(record.entry.admin);
      row.set("admin_name", Optional(admin != detail->admin_names.end() ? admin->second : std::string()));
      row.set("action", record.entry.action);
      row.set("before", record.entry.before);
      row.set("after", record.entry.after);
      row.set("reason", record.entry.reason);
      history.push_back(row);
    }
    data.set("history", history);
    data.set("no_history", html::Data(history.empty()));
    return http_.renderer.Page(request, "admin_console/member", std::move(data));
  }

  http::Response Api(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, ConsoleError::member_not_found);
    auto detail = http_.services.console.Member(request.context().actor, core::UserId{*id});
    if (!detail) return http_.Error(request, detail.error());
    return http::Response::Json(DetailJson(*detail));
  }

 private:
  std::string Label(const http::Request& request, std::string_view prefix, std::string_view name) const {
    return std::string(http_.renderer.Translate(request.context().locale, std::string(prefix) + std::string(name)));
  }

  AdminConsoleHttp http_;
};

}  // namespace

void AddMemberPage(http::Router& router, const AdminConsoleHttp& http) {
  auto routes = std::make_shared<const MemberPageRoutes>(http);
  router.Get(
      "/admin/members/:id", [routes](http::Request& request) { return routes->Show(request); }, kAdminOnly);
  router.Get(
      "/api/v1/admin/members/:id/activity", [routes](http::Request& request) { return routes->Api(request); },
      kAdminOnly);
}

}  // namespace manmulsang::admin_console
