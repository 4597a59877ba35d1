#include "money_http.hpp"

#include "embedded/payments_i18n.hpp"
#include "embedded/payments_templates.hpp"
#include "manmulsang/core/local_time.hpp"

namespace manmulsang::payments {

using Status = http::Status;

http::ApiProblem ProblemOf(PaymentError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case PaymentError::invalid_amount:
    case PaymentError::amount_below_minimum:
      return {Status::bad_request, code, "amount"};
    case PaymentError::reference_required:
      return {Status::bad_request, code, "reference"};
    case PaymentError::invalid_rate:
      return {Status::bad_request, code, "rate"};
    case PaymentError::invalid_count:
      return {Status::bad_request, code, "count"};
    case PaymentError::invalid_payout_method:
      return {Status::bad_request, code, "method"};
    case PaymentError::invalid_bank:
      return {Status::bad_request, code, "bank"};
    case PaymentError::invalid_account_number:
      return {Status::bad_request, code, "account_number"};
    case PaymentError::invalid_account_holder:
      return {Status::bad_request, code, "account_holder"};
    case PaymentError::reason_required:
      return {Status::bad_request, code, "reason"};
    case PaymentError::insufficient_funds:
      return {Status::payment_required, code, "amount"};
    case PaymentError::voucher_not_found:
      return {Status::not_found, code, "code"};
    case PaymentError::payout_not_found:
    case PaymentError::credit_not_found:
      return {Status::not_found, code, ""};
    case PaymentError::rate_unavailable:
    case PaymentError::already_recorded:
    case PaymentError::not_paid:
    case PaymentError::voucher_used:
    case PaymentError::payout_open:
    case PaymentError::payout_decided:
    case PaymentError::credit_decided:
    case PaymentError::second_admin_required:
      return {Status::conflict, code, ""};
  }
  return {Status::bad_request, code, ""};
}

std::string MoneyHttp::MemberName(core::UserId member) const {
  if (auto user = services.accounts.FindUser(member)) return user->name;
  return "#" + std::to_string(member.value);
}

MemberNames::MemberNames(accounts::AccountService& accounts, const std::vector<core::UserId>& members) {
  for (const accounts::User& user : accounts.FindUsers(members)) names_[user.id.value] = user.name;
}

std::string MemberNames::operator()(core::UserId member) const {
  const auto found = names_.find(member.value);
  return found != names_.end() ? found->second : "#" + std::to_string(member.value);
}

boost::json::object MoneyJson(std::int64_t won) { return {{"amount", won}, {"currency", "KPW"}}; }

boost::json::object PayoutJson(const Payout& payout) {
  boost::json::object json{{"id", payout.id.value},
                           {"owner", PayoutOwnerKindName(payout.owner.kind)},
                           {"owner_id", payout.owner.id},
                           {"requested_by", payout.requested_by.value},
                           {"amount", MoneyJson(payout.amount)},
                           {"method", PayoutMethodName(payout.method)},
                           {"status", PayoutStatusName(payout.status)},
                           {"reason", nullptr},
                           {"created_at", core::FormatIso8601(payout.created_at)},
                           {"decided_at", nullptr}};
  if (payout.method == PayoutMethod::bank) {
    json["bank"] = payout.bank;
    json["account_number"] = payout.account_number;
    json["account_holder"] = payout.account_holder;
  }
  if (payout.status == PayoutStatus::rejected) json["reason"] = payout.reason;
  if (payout.decided_at) json["decided_at"] = core::FormatIso8601(*payout.decided_at);
  return json;
}

std::optional<std::int64_t> ParseWon(std::string_view typed) {
  std::int64_t won = 0;
  int digits = 0;
  for (char c : typed) {
    if (c == ',' || c == ' ') continue;
    if (c < '0' || c > '9' || ++digits > 15) return std::nullopt;
    won = won * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  return won;
}

namespace {

std::expected<PayoutMethod, http::ApiProblem> MethodOf(std::string_view name) {
  auto method = ParsePayoutMethod(name);
  if (!method) return std::unexpected(ProblemOf(PaymentError::invalid_payout_method));
  return *method;
}

}  // namespace

std::expected<PayoutRequest, http::ApiProblem> PayoutRequestFromForm(const http::Form& form) {
  auto amount = ParseWon(form.GetOr("amount"));
  if (!amount) return std::unexpected(ProblemOf(PaymentError::invalid_amount));
  auto method = MethodOf(form.GetOr("method"));
  if (!method) return std::unexpected(method.error());
  return PayoutRequest{*amount, *method, std::string(form.GetOr("bank")), std::string(form.GetOr("account_number")),
                       std::string(form.GetOr("account_holder"))};
}

std::expected<PayoutRequest, http::ApiProblem> PayoutRequestFromJson(const boost::json::object& body) {
  auto amount = http::Int64Field(body, "amount", {"invalid_amount"});
  if (!amount) return std::unexpected(amount.error());
  auto method_name = http::StringField(body, "method", {"invalid_payout_method"});
  if (!method_name) return std::unexpected(method_name.error());
  auto method = MethodOf(*method_name);
  if (!method) return std::unexpected(method.error());
  PayoutRequest request{*amount, *method, "", "", ""};
  for (auto [name, target] : {std::pair{"bank", &request.bank}, std::pair{"account_number", &request.account_number},
                              std::pair{"account_holder", &request.account_holder}}) {
    auto value = http::OptionalStringField(body, name, {"invalid_input"});
    if (!value) return std::unexpected(value.error());
    if (*value) *target = std::string(**value);
  }
  return request;
}

void AddMoneyRoutes(http::Router& router, html::Renderer& renderer, const MoneyServices& services) {
  renderer.AddMessages(embedded::payments_i18n());
  renderer.AddTemplates("payments", embedded::payments_templates());
  const MoneyHttp http{renderer, services};
  AddPayoutPages(router, http);
  AddAdminPayoutPages(router, http);
  AddPayoutApi(router, http);
  AddCreditRoutes(router, http);
  AddExchangeRateRoutes(router, http);
  AddVoucherRoutes(router, http);
}

}  // namespace manmulsang::payments
