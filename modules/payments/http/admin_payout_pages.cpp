// /admin/payouts: the queue — awaiting requests first (requested, then approved, oldest first),
// or one status — each with the moves its status allows: approve, mark paid, reject with a
// reason the requester reads. Each move redirects back with ?done=<move>; a refused one (a
// request another admin decided a moment ago) comes back with the message and its status.

#include <map>
#include <memory>

#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "payout_view.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::array<PayoutStatus, 4> kStatuses = {PayoutStatus::requested, PayoutStatus::approved, PayoutStatus::paid,
                                                   PayoutStatus::rejected};

class AdminPayoutPages {
 public:
  explicit AdminPayoutPages(const MoneyHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const { return Render(request, {}, http::Status::ok); }

  http::Response Approve(http::Request& request) const {
    return Decide(request, "approve", [&](PayoutId id) {
      return http_.services.payments.ApprovePayout(*request.context().actor.user, id);
    });
  }
  http::Response Pay(http::Request& request) const {
    return Decide(request, "pay", [&](PayoutId id) {
      return http_.services.payments.MarkPayoutPaid(*request.context().actor.user, id);
    });
  }
  http::Response Reject(http::Request& request) const {
    return Decide(request, "reject", [&](PayoutId id) {
      return http_.services.payments.RejectPayout(*request.context().actor.user, id, request.form().GetOr("reason"));
    });
  }

 private:
  template <typename Move>
  http::Response Decide(http::Request& request, std::string_view done, Move move) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto decided = move(PayoutId{*id});
    if (!decided) {
      const http::ApiProblem problem = ProblemOf(decided.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      return Render(request, problem, problem.status);
    }
    return http::Response::Redirect("/admin/payouts?done=" + std::string(done));
  }

  http::Response Render(const http::Request& request, const http::ApiProblem& problem, http::Status status) const {
    PayoutFilter filter;
    if (auto named = request.Query("status")) filter.status = ParsePayoutStatus(*named);
    const auto page = http::ParseListPage(request, 50).value_or(http::ListPage{1, 50});
    filter.page = page.page;
    filter.per_page = page.per_page;
    const PayoutPage listed = http_.services.payments.Payouts(filter);

    html::Data data;
    data.set("title", http_.Text(request, "payments.admin_payouts_title"));
    if (!problem.code.empty()) data.set("message", http_.ErrorText(request, problem.code));
    if (auto done = request.Query("done"); done && (*done == "approve" || *done == "pay" || *done == "reject")) {
      data.set("notice", http_.Text(request, "payments.done." + std::string(*done)));
    }
    data.set("awaiting", core::FormatCount(http_.services.payments.CountPayoutsAwaiting()));
    html::List tabs;
    html::Data all;
    all.set("label", http_.Text(request, "payments.all_statuses"));
    all.set("query", "");
    all.set("current", html::Data(!filter.status));
    tabs.push_back(all);
    for (PayoutStatus status : kStatuses) {
      html::Data tab;
      tab.set("label", http_.Text(request, "payments.status." + std::string(PayoutStatusName(status))));
      tab.set("query", "?status=" + std::string(PayoutStatusName(status)));
      tab.set("current", html::Data(filter.status == status));
      tabs.push_back(tab);
    }
    data.set("tabs", tabs);

    std::map<std::int64_t, std::string> shop_names;
    std::vector<core::SellerId> shops;
    for (const Payout& payout : listed.items) {
      if (payout.owner.kind == PayoutOwnerKind::shop) shops.push_back(core::SellerId{payout.owner.id});
    }
    for (const sellers::Shop& shop : http_.services.sellers.FindShops(shops)) shop_names[shop.id.value] = shop.name;
    std::vector<core::UserId> members;
    for (const Payout& payout : listed.items) {
      members.push_back(payout.requested_by);
      if (payout.owner.kind == PayoutOwnerKind::member) members.push_back(core::UserId{payout.owner.id});
    }
    const MemberNames names(http_.services.accounts, members);
    html::List rows;
    for (const Payout& payout : listed.items) {
      html::Data row = PayoutRow(http_, request, payout);
      const bool shop = payout.owner.kind == PayoutOwnerKind::shop;
      row.set("owner_kind", http_.Text(request, shop ? "payments.owner.shop" : "payments.owner.member"));
      row.set("owner_path", (shop ? "/admin/shops/" : "/admin/members/") + std::to_string(payout.owner.id));
      row.set("owner_name", shop ? (shop_names.contains(payout.owner.id) ? shop_names[payout.owner.id]
                                                                         : "#" + std::to_string(payout.owner.id))
                                 : names(core::UserId{payout.owner.id}));
      row.set("requested_by", names(payout.requested_by));
      rows.push_back(row);
    }
    data.set("payouts", rows);
    data.set("empty", html::Data(listed.items.empty()));
    data.set("total", core::FormatCount(listed.total));
    data.set("status_query", filter.status ? "status=" + std::string(PayoutStatusName(*filter.status)) + "&" : "");
    data.set("max_reason", std::to_string(kMaxPayoutReason));
    html::SetPageNumbers(data, listed.page, listed.per_page, listed.total);
    return http_.renderer.Page(request, "payments/admin_payouts", std::move(data), status);
  }

  MoneyHttp http_;
};

}  // namespace

void AddAdminPayoutPages(http::Router& router, const MoneyHttp& http) {
  auto pages = std::make_shared<const AdminPayoutPages>(http);
  router.Get(
      "/admin/payouts", [pages](http::Request& request) { return pages->Show(request); }, kAdminPage);
  router.Post(
      "/admin/payouts/:id/approve", [pages](http::Request& request) { return pages->Approve(request); }, kAdminForm);
  router.Post(
      "/admin/payouts/:id/pay", [pages](http::Request& request) { return pages->Pay(request); }, kAdminForm);
  router.Post(
      "/admin/payouts/:id/reject", [pages](http::Request& request) { return pages->Reject(request); }, kAdminForm);
}

}  // namespace manmulsang::payments
