// GET and PUT /api/v1/admin/settings: the settings as JSON, and their change by an admin. The
// service decides every rule; these parse, call and render.

#include <boost/json/array.hpp>

#include "manmulsang/http/json_fields.hpp"
#include "settings_http.hpp"

namespace manmulsang::settings {
namespace {

http::ApiProblem FieldError(SettingsError error) { return ProblemOf(error); }

// carriers: an array of strings, when present.
std::expected<void, http::ApiProblem> ReadCarriers(const boost::json::object& body, std::vector<std::string>& target) {
  const boost::json::value* value = body.if_contains("carriers");
  if (!value) return {};
  if (!value->is_array()) return std::unexpected(FieldError(SettingsError::invalid_carriers));
  std::vector<std::string> carriers;
  for (const boost::json::value& carrier : value->as_array()) {
    if (!carrier.is_string()) return std::unexpected(FieldError(SettingsError::invalid_carriers));
    carriers.emplace_back(carrier.as_string().data(), carrier.as_string().size());
  }
  target = std::move(carriers);
  return {};
}

// bank_accounts: an array of {bank, account_number, holder} strings, when present.
std::expected<void, http::ApiProblem> ReadBankAccounts(const boost::json::object& body,
                                                       std::vector<BankAccount>& target) {
  const boost::json::value* value = body.if_contains("bank_accounts");
  if (!value) return {};
  if (!value->is_array()) return std::unexpected(FieldError(SettingsError::invalid_bank_accounts));
  std::vector<BankAccount> accounts;
  for (const boost::json::value& item : value->as_array()) {
    if (!item.is_object()) return std::unexpected(FieldError(SettingsError::invalid_bank_accounts));
    BankAccount account;
    for (auto [name, field] : {std::pair{"bank", &account.bank}, std::pair{"account_number", &account.account_number},
                               std::pair{"holder", &account.holder}}) {
      const boost::json::value* text = item.as_object().if_contains(name);
      if (!text || !text->is_string()) return std::unexpected(FieldError(SettingsError::invalid_bank_accounts));
      *field = std::string(text->as_string().data(), text->as_string().size());
    }
    accounts.push_back(std::move(account));
  }
  target = std::move(accounts);
  return {};
}

// The body's fields over values (those absent keep their value); the first problem otherwise.
std::expected<void, http::ApiProblem> ReadSettings(const boost::json::object& body, Settings& values) {
  auto field = [](SettingsError error) {
    return http::FieldProblem{.code = ErrorCode(error), .field = ErrorField(error)};
  };
  std::expected<void, http::ApiProblem> read = http::PatchInt64Field(
      body, "platform_fee_basis_points", values.platform_fee_basis_points, field(SettingsError::invalid_platform_fee));
  if (read) {
    read = http::PatchInt64Field(body, "bank_transfer_deadline_hours", values.bank_transfer_deadline_hours,
                                 field(SettingsError::invalid_bank_transfer_deadline));
  }
  if (read) {
    read = http::PatchInt64Field(body, "auto_confirm_days", values.auto_confirm_days,
                                 field(SettingsError::invalid_auto_confirm_days));
  }
  if (read) {
    read = http::PatchInt64Field(body, "auto_deliver_days", values.auto_deliver_days,
                                 field(SettingsError::invalid_auto_deliver_days));
  }
  if (read) {
    read = http::PatchInt64Field(body, "credit_second_approval_above", values.credit_second_approval_above,
                                 field(SettingsError::invalid_credit_second_approval));
  }
  if (read) read = ReadCarriers(body, values.carriers);
  if (read) {
    read = http::PatchStringField(body, "marketplace_name", values.marketplace_name,
                                  field(SettingsError::invalid_marketplace_name));
  }
  if (read) read = http::PatchStringField(body, "notice", values.notice, field(SettingsError::invalid_notice));
  if (read) read = ReadBankAccounts(body, values.bank_accounts);
  return read;
}

http::Response Show(const SettingsHttp& http, http::Request&) {
  return http::Response::Json(SettingsJson(http.services.settings.Current()));
}

http::Response Replace(const SettingsHttp& http, http::Request& request) {
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto version = http::Int64Field(*body, "version");
  if (!version) return http.Error(request, version.error());
  auto reason = http::StringField(*body, "reason", {.code = ErrorCode(SettingsError::invalid_reason)});
  if (!reason) return http.Error(request, reason.error());
  // Absent fields keep the values the client read at `version` (a later change is a conflict).
  Settings values = http.services.settings.Current().values;
  auto read = ReadSettings(*body, values);
  if (!read) return http.Error(request, read.error());
  auto updated = http.services.settings.Update(request.context().actor, *version, values, *reason);
  if (!updated) return http.Error(request, ProblemOf(updated.error()));
  http.ForgetCachedPages();
  return http::Response::Json(SettingsJson(*updated));
}

}  // namespace

void AddSettingsApi(http::Router& router, const SettingsHttp& http) {
  router.Get(
      "/api/v1/admin/settings", [http](http::Request& request) { return Show(http, request); }, kAdminPage);
  router.Add(
      http::Method::put, "/api/v1/admin/settings", [http](http::Request& request) { return Replace(http, request); },
      kAdminJson);
}

}  // namespace manmulsang::settings
