// /seller/payouts and /wallet/payouts: the balance, the request form and the requester's
// requests with their status and, for a rejected one, the admin's reason. A shop's page is its
// owner's only (anyone else gets the not-found page); a failed form comes back with the message,
// the status of the error and what was typed.

#include <memory>

#include "manmulsang/core/grouped_number.hpp"
#include "payout_view.hpp"

namespace manmulsang::payments {
namespace {

struct Requester {
  PayoutOwner owner;
  std::string path;     // "/seller/payouts" or "/wallet/payouts"
  std::string heading;  // the shop's name, or empty for the member's wallet
  std::string back_path;
  std::string back_key;
};

class PayoutPages {
 public:
  explicit PayoutPages(const MoneyHttp& http) : http_(http) {}

  http::Response ShowShop(http::Request& request) const {
    auto requester = Shop(request);
    if (!requester) return std::move(requester.error());
    return Render(request, *requester, {}, http::Status::ok, {});
  }
  http::Response ShowWallet(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/wallet/payouts");
    return Render(request, Wallet(request), {}, http::Status::ok, {});
  }
  http::Response RequestShop(http::Request& request) const {
    auto requester = Shop(request);
    if (!requester) return std::move(requester.error());
    return Request(request, *requester);
  }
  http::Response RequestWallet(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/wallet/payouts");
    return Request(request, Wallet(request));
  }

 private:
  std::expected<Requester, http::Response> Shop(const http::Request& request) const {
    if (!request.context().actor.signed_in()) return std::unexpected(http::SignInRedirect("/seller/payouts"));
    auto shop = http_.services.sellers.OwnShop(request.context().actor, std::nullopt);
    if (!shop) return std::unexpected(http_.renderer.NotFound(request));
    return Requester{PayoutOwner::Shop(shop->id), "/seller/payouts", shop->name, "/seller/ledger",
                     "payments.back_to_ledger"};
  }
  static Requester Wallet(const http::Request& request) {
    return Requester{PayoutOwner::Member(*request.context().actor.user), "/wallet/payouts", "", "/wallet",
                     "payments.back_to_wallet"};
  }

  http::Response Request(http::Request& request, const Requester& requester) const {
    const http::Form& form = request.form();
    auto parsed = PayoutRequestFromForm(form);
    if (!parsed) return Render(request, requester, parsed.error(), parsed.error().status, form);
    auto payout = http_.services.payments.RequestPayout(requester.owner, *request.context().actor.user, *parsed);
    if (!payout) {
      const http::ApiProblem problem = ProblemOf(payout.error());
      return Render(request, requester, problem, problem.status, form);
    }
    return http::Response::Redirect(requester.path + "?requested=" + std::to_string(payout->id.value));
  }

  http::Response Render(const http::Request& request, const Requester& requester, const http::ApiProblem& problem,
                        http::Status status, const http::Form& typed) const {
    PaymentService& payments = http_.services.payments;
    html::Data data;
    data.set("title", http_.Text(request, "payments.payouts_title"));
    if (!requester.heading.empty()) data.set("heading", requester.heading);
    data.set("action", requester.path);
    data.set("back_path", requester.back_path);
    data.set("back_label", http_.Text(request, requester.back_key));
    if (!problem.code.empty()) data.set("message", http_.ErrorText(request, problem.code));
    if (request.Query("requested")) data.set("notice", http_.Text(request, "payments.requested_notice"));
    data.set("balance", http_.Money(request, payments.PayoutBalance(requester.owner)));
    data.set("minimum", http_.Money(request, kMinPayout));
    data.set("amount", std::string(typed.GetOr("amount")));
    data.set("bank", std::string(typed.GetOr("bank")));
    data.set("account_number", std::string(typed.GetOr("account_number")));
    data.set("account_holder", std::string(typed.GetOr("account_holder")));
    data.set("cash_chosen", html::Data(typed.GetOr("method") == "cash"));
    data.set("max_name", std::to_string(kMaxPayoutName));
    data.set("max_account_number", std::to_string(kMaxAccountNumber));
    html::List items;
    bool open = false;
    for (const Payout& payout : payments.PayoutsOf(requester.owner)) {
      open = open || payout.open();
      items.push_back(PayoutRow(http_, request, payout));
    }
    data.set("payouts", items);
    data.set("empty", html::Data(items.empty()));
    // One open request at a time: while one waits, the form would only be refused.
    data.set("open", html::Data(open));
    return http_.renderer.Page(request, "payments/payouts", std::move(data), status);
  }

  MoneyHttp http_;
};

}  // namespace

void AddPayoutPages(http::Router& router, const MoneyHttp& http) {
  auto pages = std::make_shared<const PayoutPages>(http);
  router.Get(
      "/seller/payouts", [pages](http::Request& request) { return pages->ShowShop(request); }, kPrivatePage);
  router.Post(
      "/seller/payouts", [pages](http::Request& request) { return pages->RequestShop(request); }, kPrivateForm);
  router.Get(
      "/wallet/payouts", [pages](http::Request& request) { return pages->ShowWallet(request); }, kPrivatePage);
  router.Post(
      "/wallet/payouts", [pages](http::Request& request) { return pages->RequestWallet(request); }, kPrivateForm);
}

}  // namespace manmulsang::payments
