#include "settings_http.hpp"

#include <boost/json/array.hpp>

#include "embedded/settings_i18n.hpp"
#include "embedded/settings_templates.hpp"

namespace manmulsang::settings {

http::ApiProblem ProblemOf(SettingsError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case SettingsError::forbidden:
      return {http::Status::forbidden, code, ""};
    case SettingsError::version_conflict:
      return {http::Status::conflict, code, ""};
    case SettingsError::invalid_platform_fee:
    case SettingsError::invalid_bank_transfer_deadline:
    case SettingsError::invalid_auto_confirm_days:
    case SettingsError::invalid_auto_deliver_days:
    case SettingsError::invalid_credit_second_approval:
    case SettingsError::invalid_carriers:
    case SettingsError::invalid_marketplace_name:
    case SettingsError::invalid_notice:
    case SettingsError::invalid_bank_accounts:
    case SettingsError::invalid_reason:
      break;
  }
  return {http::Status::bad_request, code, std::string(ErrorField(error))};
}

boost::json::object SettingsJson(const StoredSettings& stored) {
  const Settings& values = stored.values;
  boost::json::array carriers;
  for (const std::string& carrier : values.carriers) carriers.emplace_back(carrier);
  boost::json::array accounts;
  for (const BankAccount& account : values.bank_accounts) {
    accounts.emplace_back(boost::json::object{
        {"bank", account.bank}, {"account_number", account.account_number}, {"holder", account.holder}});
  }
  boost::json::object json{{"version", stored.version}, {"updated_at", nullptr}, {"updated_by", nullptr}};
  if (stored.updated_at) json["updated_at"] = core::FormatIso8601(*stored.updated_at);
  if (stored.updated_by) json["updated_by"] = stored.updated_by->value;
  json["settings"] = boost::json::object{{"platform_fee_basis_points", values.platform_fee_basis_points},
                                         {"bank_transfer_deadline_hours", values.bank_transfer_deadline_hours},
                                         {"auto_confirm_days", values.auto_confirm_days},
                                         {"auto_deliver_days", values.auto_deliver_days},
                                         {"credit_second_approval_above", values.credit_second_approval_above},
                                         {"carriers", std::move(carriers)},
                                         {"marketplace_name", values.marketplace_name},
                                         {"notice", values.notice},
                                         {"bank_accounts", std::move(accounts)}};
  return json;
}

void AddSettingsRoutes(http::Router& router, html::Renderer& renderer, const SettingsHttpServices& services) {
  renderer.AddMessages(embedded::settings_i18n());
  renderer.AddTemplates("settings", embedded::settings_templates());
  const SettingsHttp http{renderer, services};
  AddSettingsApi(router, http);
  AddSettingsPage(router, http);
}

}  // namespace manmulsang::settings
