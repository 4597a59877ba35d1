// /wallet: the balance, the statement, and a form to redeem a prepaid voucher.

#include "buying_pages.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 2 * 1024, .no_store = true};

class WalletPage : BuyingPages {
 public:
  explicit WalletPage(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response Show(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/wallet");
    return Render(request, {}, http::Status::ok);
  }

  http::Response Redeem(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/wallet");
    auto credited = http.services.payments.RedeemVoucher(*request.context().actor.user, request.form().GetOr("code"));
    if (!credited) {
      const http::ApiProblem problem = ProblemOf(credited.error());
      return Render(request, problem.code, problem.status);
    }
    return http::Response::Redirect("/wallet?redeemed=1");
  }

 private:
  http::Response Render(const http::Request& request, std::string_view error, http::Status status) const {
    auto page = http::ParseListPage(request);
    if (!page) page = http::ListPage{};
    const payments::WalletStatement statement =
        http.services.payments.Wallet(*request.context().actor.user, page->page, page->per_page);
    html::Data data;
    data.set("title", Text(request, "orders.wallet_title"));
    if (!error.empty()) data.set("message", ErrorText(request, error));
    if (request.Query("redeemed")) data.set("notice", Text(request, "orders.voucher_redeemed"));
    data.set("balance", Money(request, statement.balance));
    html::List entries;
    for (const payments::WalletEntry& entry : statement.entries) {
      html::Data row;
      row.set("kind", Text(request, "orders.transfer." + std::string(payments::TransferKindName(entry.kind))));
      row.set("amount", Money(request, entry.amount));
      row.set("incoming", html::Data(entry.amount > 0));
      row.set("at", core::FormatIso8601(entry.created_at));
      row.set("at_text", html::DateTimeText(entry.created_at));
      if (entry.order) row.set("order_id", std::to_string(entry.order->value));
      entries.push_back(row);
    }
    data.set("entries", entries);
    data.set("empty", html::Data(statement.entries.empty()));
    html::SetPageNumbers(data, statement.page, statement.per_page, statement.total);
    return Page(request, "orders/wallet", std::move(data), status);
  }
};

}  // namespace

void AddWalletPage(http::Router& router, const BuyingHttp& http) {
  auto page = std::make_shared<const WalletPage>(http);
  router.Get(
      "/wallet", [page](http::Request& request) { return page->Show(request); }, kNoStore);
  router.Post(
      "/wallet/vouchers", [page](http::Request& request) { return page->Redeem(request); }, kFormBody);
}

}  // namespace manmulsang::orders
