// /admin/credits: the cash desk. An admin credits a member's wallet against cash handed over at
// the counter (the member by number or e-mail, the amount, the deposit slip's reference) and sees
// the last credits. A credit above the settings' limit (credit_second_approval_above, shown on
// the page) waits for a second admin, who approves or rejects it here (the two-person rule,
// PaymentService::RequestCredit). JSON twins: GET|POST /api/v1/admin/credits, POST /api/v1/admin/credits/:id/approve |
// reject.

#include <boost/json/array.hpp>
#include <memory>

#include "manmulsang/core/local_time.hpp"
#include "money_http.hpp"

namespace manmulsang::payments {
namespace {

constexpr int kShownCredits = 30;

class CreditRoutes {
 public:
  explicit CreditRoutes(const MoneyHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const { return Render(request, {}, http::Status::ok, {}); }

  http::Response Credit(http::Request& request) const {
    const http::Form& form = request.form();
    auto member = Member(form.GetOr("member"));
    if (!member) return Render(request, member.error(), member.error().status, form);
    auto amount = ParseWon(form.GetOr("amount"));
    if (!amount) return Render(request, ProblemOf(PaymentError::invalid_amount), http::Status::bad_request, form);
    auto outcome = http_.services.payments.RequestCredit({member->id,
                                                          {*amount, core::Currency::kpw},
                                                          std::string(form.GetOr("reference")),
                                                          *request.context().actor.user});
    if (!outcome) {
      const http::ApiProblem problem = ProblemOf(outcome.error());
      return Render(request, problem, problem.status, form);
    }
    if (outcome->pending)
      return http::Response::Redirect("/admin/credits?waiting=" + std::to_string(*outcome->pending));
    return http::Response::Redirect("/admin/credits?credited=" + std::to_string(member->id.value));
  }

  // A second admin decides a large credit (the two-person rule).
  http::Response Approve(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto transfer = http_.services.payments.ApproveCredit(*request.context().actor.user, *id);
    if (!transfer) return Refused(request, transfer.error());
    return http::Response::Redirect("/admin/credits?approved=" + std::to_string(*id));
  }
  http::Response Reject(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto rejected =
        http_.services.payments.RejectCredit(*request.context().actor.user, *id, request.form().GetOr("reason"));
    if (!rejected) return Refused(request, rejected.error());
    return http::Response::Redirect("/admin/credits?rejected=" + std::to_string(*id));
  }
  http::Response ApiApprove(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, PaymentError::credit_not_found);
    auto transfer = http_.services.payments.ApproveCredit(*request.context().actor.user, *id);
    if (!transfer) return http_.Error(request, transfer.error());
    return http::Response::Json(boost::json::object{{"transfer_id", transfer->value}});
  }
  http::Response ApiReject(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, PaymentError::credit_not_found);
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    auto reason = http::StringField(*body, "reason", {"reason_required"});
    if (!reason) return http_.Error(request, reason.error());
    auto rejected = http_.services.payments.RejectCredit(*request.context().actor.user, *id, *reason);
    if (!rejected) return http_.Error(request, rejected.error());
    return http::Response::Json(boost::json::object{{"id", *id}, {"status", "rejected"}});
  }

  http::Response ApiList(http::Request& request) const {
    boost::json::array items;
    for (const CreditRecord& credit : http_.services.payments.RecentCredits(kShownCredits)) {
      items.push_back(
          boost::json::object{{"transfer_id", credit.transfer},
                              {"member_id", credit.member.value},
                              {"amount", MoneyJson(credit.amount)},
                              {"reference", credit.reference},
                              {"admin_id", credit.admin ? boost::json::value(credit.admin->value) : nullptr},
                              {"created_at", core::FormatIso8601(credit.created_at)}});
    }
    boost::json::array pending;
    for (const PendingCredit& credit : http_.services.payments.PendingCredits()) pending.push_back(PendingJson(credit));
    return http::Response::Json(boost::json::object{{"items", std::move(items)}, {"pending", std::move(pending)}});
  }

  http::Response ApiCredit(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    std::string typed;
    if (const auto* value = body->if_contains("member"); value && value->is_int64()) {
      typed = std::to_string(value->as_int64());
    } else {
      auto text = http::StringField(*body, "member", {"member_not_found"});
      if (!text) return http_.Error(request, text.error());
      typed = std::string(*text);
    }
    auto member = Member(typed);
    if (!member) return http_.Error(request, member.error());
    auto amount = http::Int64Field(*body, "amount", {"invalid_amount"});
    if (!amount) return http_.Error(request, amount.error());
    auto reference = http::StringField(*body, "reference", {"reference_required"});
    if (!reference) return http_.Error(request, reference.error());
    auto outcome = http_.services.payments.RequestCredit(
        {member->id, {*amount, core::Currency::kpw}, std::string(*reference), *request.context().actor.user});
    if (!outcome) return http_.Error(request, outcome.error());
    if (outcome->pending) {
      // Above the limit: nothing moved yet, a second admin decides.
      return http::Response::Json(
          boost::json::object{{"pending_credit_id", *outcome->pending}, {"member_id", member->id.value}},
          http::Status::accepted);
    }
    return http::Response::Json(
        boost::json::object{{"transfer_id", outcome->transfer->value},
                            {"member_id", member->id.value},
                            {"balance", MoneyJson(http_.services.payments.WalletBalance(member->id).amount)}},
        http::Status::created);
  }

 private:
  static boost::json::object PendingJson(const PendingCredit& credit) {
    return {{"id", credit.id},
            {"member_id", credit.member.value},
            {"amount", MoneyJson(credit.amount)},
            {"reference", credit.reference},
            {"requested_by", credit.requested_by.value},
            {"requested_at", core::FormatIso8601(credit.requested_at)}};
  }

  http::Response Refused(const http::Request& request, PaymentError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
    return Render(request, problem, problem.status, {});
  }

  // A member by number or e-mail address.
  std::expected<accounts::User, http::ApiProblem> Member(std::string_view typed) const {
    while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
    while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
    std::optional<accounts::User> user;
    if (auto id = http::ParsePositiveId(typed)) {
      user = http_.services.accounts.FindUser(core::UserId{*id});
    } else if (!typed.empty()) {
      user = http_.services.accounts.FindUserByEmail(typed);
    }
    if (!user) return std::unexpected(http::ApiProblem{http::Status::not_found, "member_not_found", "member"});
    return *user;
  }

  http::Response Render(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                        const http::Form& typed) const {
    html::Data data;
    data.set("title", http_.Text(request, "payments.credits_title"));
    if (!problem.code.empty()) data.set("message", http_.ErrorText(request, problem.code));
    if (auto credited = request.Query("credited")) {
      if (auto id = http::ParsePositiveId(*credited)) {
        data.set("notice", http_.Text(request, "payments.credited_notice") + " " + http_.MemberName(core::UserId{*id}) +
                               " · " +
                               http_.Money(request, http_.services.payments.WalletBalance(core::UserId{*id}).amount));
      }
    }
    if (request.Query("waiting")) data.set("notice", http_.Text(request, "payments.credit_waiting_notice"));
    if (request.Query("approved")) data.set("notice", http_.Text(request, "payments.credit_approved_notice"));
    if (request.Query("rejected")) data.set("notice", http_.Text(request, "payments.credit_rejected_notice"));
    const std::int64_t limit = http_.services.payments.CreditSecondApprovalAbove();
    if (limit == 0) {
      data.set("every_credit_approved", html::Data(true));
    } else {
      data.set("second_approval_above", http_.Money(request, limit));
    }
    const std::vector<PendingCredit> waiting = http_.services.payments.PendingCredits();
    const std::vector<CreditRecord> recent = http_.services.payments.RecentCredits(kShownCredits);
    std::vector<core::UserId> members;
    for (const PendingCredit& credit : waiting) {
      members.push_back(credit.member);
      members.push_back(credit.requested_by);
    }
    for (const CreditRecord& credit : recent) {
      members.push_back(credit.member);
      if (credit.admin) members.push_back(*credit.admin);
    }
    const MemberNames names(http_.services.accounts, members);
    html::List pending;
    for (const PendingCredit& credit : waiting) {
      html::Data row;
      row.set("id", std::to_string(credit.id));
      row.set("member_id", std::to_string(credit.member.value));
      row.set("member_name", names(credit.member));
      row.set("amount", http_.Money(request, credit.amount));
      row.set("reference", credit.reference);
      row.set("requested_by", names(credit.requested_by));
      row.set("at", core::LocalDateTime(credit.requested_at));
      row.set("mine", html::Data(credit.requested_by == *request.context().actor.user));
      pending.push_back(row);
    }
    data.set("pending", pending);
    data.set("has_pending", html::Data(!pending.empty()));
    data.set("member", std::string(typed.GetOr("member")));
    data.set("amount", std::string(typed.GetOr("amount")));
    data.set("reference", std::string(typed.GetOr("reference")));
    html::List rows;
    for (const CreditRecord& credit : recent) {
      html::Data row;
      row.set("member_id", std::to_string(credit.member.value));
      row.set("member_name", names(credit.member));
      row.set("amount", http_.Money(request, credit.amount));
      row.set("reference", credit.reference);
      row.set("admin", credit.admin ? names(*credit.admin) : std::string("-"));
      row.set("at", core::LocalDateTime(credit.created_at));
      rows.push_back(row);
    }
    data.set("credits", rows);
    data.set("empty", html::Data(rows.empty()));
    return http_.renderer.Page(request, "payments/admin_credits", std::move(data), status);
  }

  MoneyHttp http_;
};

}  // namespace

void AddCreditRoutes(http::Router& router, const MoneyHttp& http) {
  auto routes = std::make_shared<const CreditRoutes>(http);
  router.Get(
      "/admin/credits", [routes](http::Request& request) { return routes->Show(request); }, kAdminPage);
  router.Post(
      "/admin/credits", [routes](http::Request& request) { return routes->Credit(request); }, kAdminForm);
  router.Get(
      "/api/v1/admin/credits", [routes](http::Request& request) { return routes->ApiList(request); }, kAdminPage);
  router.Post(
      "/api/v1/admin/credits", [routes](http::Request& request) { return routes->ApiCredit(request); }, kAdminJson);
  router.Post(
      "/admin/credits/:id/approve", [routes](http::Request& request) { return routes->Approve(request); }, kAdminForm);
  router.Post(
      "/admin/credits/:id/reject", [routes](http::Request& request) { return routes->Reject(request); }, kAdminForm);
  router.Post(
      "/api/v1/admin/credits/:id/approve", [routes](http::Request& request) { return routes->ApiApprove(request); },
      kAdminJson);
  router.Post(
      "/api/v1/admin/credits/:id/reject", [routes](http::Request& request) { return routes->ApiReject(request); },
      kAdminJson);
}

}  // namespace manmulsang::payments
