// /admin/transfers: the bank-transfer desk. Orders paid by bank transfer wait here, oldest first,
// until an admin sees the deposit and confirms it with the deposit's reference (the order's
// confirm_payment move: cash → escrow in the ledger, recorded in the audit log), or the deadline
// passes and the order is cancelled. No JavaScript; forms carry _csrf. A refused confirmation
// comes back on the desk with the typed reference and the reason; nothing is written.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "admin_console_http.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::admin_console {
namespace {

boost::json::object WonJson(std::int64_t amount) {
  return {{"amount", amount}, {"currency", core::CurrencyCode(core::Currency::kpw)}};
}

// A refused confirmation to show again: which order, what was typed and why.
struct RefusedConfirmation {
  core::OrderId order;
  std::string typed;
  std::string message;
};

class TransferDeskRoutes {
 public:
  explicit TransferDeskRoutes(const AdminConsoleHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    std::optional<std::string> notice;
    if (auto confirmed = request.Query("confirmed"); confirmed && http::ParsePositiveId(*confirmed)) {
      notice = http_.Text(request, "transfer_confirmed") + " #" + std::string(*confirmed);
    }
    return Render(request, notice, std::nullopt, http::Status::ok);
  }

  http::Response Confirm(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    const std::string typed(request.form().GetOr("reference"));
    auto confirmed = http_.services.console.ConfirmTransfer(request.context().actor, core::OrderId{*id}, typed);
    if (!confirmed) {
      const http::ApiProblem problem = ProblemOf(confirmed.error());
      RefusedConfirmation refused{core::OrderId{*id}, typed, http_.Text(request, "error." + problem.code)};
      return Render(request, std::nullopt, refused, problem.status);
    }
    return http::Response::Redirect("/admin/transfers?confirmed=" + std::to_string(confirmed->id.value));
  }

  http::Response Api(http::Request& request) const {
    auto page = http::ParseListPage(request);
    if (!page) {
      return html::ApiError(http_.renderer, request, {http::Status::bad_request, "invalid_page", "page"},
                            "admin_console.error.invalid_page");
    }
    auto desk = http_.services.console.Transfers(request.context().actor, page->page, page->per_page);
    if (!desk) return http_.Error(request, desk.error());
    boost::json::array items;
    for (const AwaitingTransfer& item : desk->items) {
      items.push_back(boost::json::object{
          {"order", item.order.id.value},
          {"buyer",
           boost::json::object{{"id", item.order.buyer.value}, {"name", item.buyer_name}, {"email", item.buyer_email}}},
          {"shop", boost::json::object{{"id", item.order.seller.value}, {"name", item.shop_name}}},
          {"total", WonJson(item.order.total_kpw)},
          {"placed_at", core::ToUnixSeconds(item.order.created_at)},
          {"deadline", core::ToUnixSeconds(item.deadline)}});
    }
    return http::Response::Json(boost::json::object{
        {"items", std::move(items)}, {"total", desk->total}, {"page", desk->page}, {"per_page", desk->per_page}});
  }

 private:
  http::Response Render(http::Request& request, const std::optional<std::string>& notice,
                        const std::optional<RefusedConfirmation>& refused, http::Status status) const {
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto desk = http_.services.console.Transfers(request.context().actor, page.page, page.per_page);
    if (!desk) return http_.renderer.NotFound(request);
    html::Data data;
    data.set("title", http_.Text(request, "transfers_title"));
    if (notice) data.set("notice", *notice);
    if (refused) data.set("message", refused->message);
    data.set("total", core::FormatCount(desk->total));
    data.set("empty", html::Data(desk->items.empty()));
    data.set("max_reference", std::to_string(kMaxDepositReference));
    html::List rows;
    for (const AwaitingTransfer& item : desk->items) {
      const orders::Order& order = item.order;
      html::Data row;
      row.set("id", std::to_string(order.id.value));
      row.set("buyer_id", std::to_string(order.buyer.value));
      row.set("buyer_name", item.buyer_name);
      row.set("buyer_email", item.buyer_email);
      row.set("shop_id", std::to_string(order.seller.value));
      row.set("shop_name", item.shop_name);
      row.set("total", Won(request, order.total_kpw));
      row.set("placed", core::LocalDateTime(order.created_at));
      row.set("deadline", core::LocalDateTime(item.deadline));
      if (refused && refused->order == order.id) {
        row.set("typed", refused->typed);
        row.set("refused", html::Data(true));
      }
      rows.push_back(row);
    }
    data.set("transfers", rows);
    html::SetPageNumbers(data, desk->page, desk->per_page, desk->total);
    return http_.renderer.Page(request, "admin_console/transfers", std::move(data), status);
  }

  AdminConsoleHttp http_;
};

}  // namespace

void AddTransferDesk(http::Router& router, const AdminConsoleHttp& http) {
  auto routes = std::make_shared<const TransferDeskRoutes>(http);
  router.Get(
      "/admin/transfers", [routes](http::Request& request) { return routes->Show(request); }, kAdminOnly);
  router.Post(
      "/admin/transfers/:id/confirm", [routes](http::Request& request) { return routes->Confirm(request); },
      kAdminForm);
  router.Get(
      "/api/v1/admin/transfers", [routes](http::Request& request) { return routes->Api(request); }, kAdminOnly);
}

}  // namespace manmulsang::admin_console
