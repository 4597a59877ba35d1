#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <optional>
#include <set>
#include <string>

#include "embedded/settings_migrations.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/settings/settings.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"
#include "settings_repository.hpp"

namespace manmulsang::settings {
namespace {

// One line of text as stored: valid UTF-8 without control characters, NFC, its white space
// collapsed, within minimum..maximum bytes; nullopt otherwise.
std::optional<std::string> CleanLine(std::string_view text, std::size_t minimum, std::size_t maximum) {
  // The raw bound first, so a huge field costs no normalisation.
  if (text.size() > maximum * 4 + 64 || !text::IsValidUtf8(text) || text::HasControlCharacter(text)) {
    return std::nullopt;
  }
  std::string cleaned = text::CollapseWhitespace(text::NormalizeNfc(text));
  if (cleaned.size() < minimum || cleaned.size() > maximum) return std::nullopt;
  return cleaned;
}

std::optional<std::string> CleanReason(std::string_view reason) {
  if (reason.size() > audit::kMaxReasonBytes * 4 || !text::IsValidUtf8(reason) ||
      text::HasControlCharacter(reason, U"\n\r\t")) {
    return std::nullopt;
  }
  std::string cleaned = text::Trim(text::NormalizeNfc(reason));
  if (cleaned.empty() || cleaned.size() > audit::kMaxReasonBytes) return std::nullopt;
  return cleaned;
}

boost::json::array CarriersJson(const std::vector<std::string>& carriers) {
  boost::json::array json;
  for (const std::string& carrier : carriers) json.emplace_back(carrier);
  return json;
}

boost::json::array BankAccountsJson(const std::vector<BankAccount>& accounts) {
  boost::json::array json;
  for (const BankAccount& account : accounts) {
    json.emplace_back(boost::json::object{
        {"bank", account.bank}, {"account_number", account.account_number}, {"holder", account.holder}});
  }
  return json;
}

// The audit entry's before and after: a JSON object of the fields that changed, each side.
std::pair<std::string, std::string> ChangedFields(const Settings& before, const Settings& after) {
  boost::json::object old_values;
  boost::json::object new_values;
  auto compare = [&](std::string_view name, const auto& old_value, const auto& new_value, auto to_json) {
    if (old_value == new_value) return;
    old_values[name] = to_json(old_value);
    new_values[name] = to_json(new_value);
  };
  auto number = [](std::int64_t value) { return boost::json::value(value); };
  auto string = [](const std::string& value) { return boost::json::value(value); };
  compare("platform_fee_basis_points", before.platform_fee_basis_points, after.platform_fee_basis_points, number);
  compare("bank_transfer_deadline_hours", before.bank_transfer_deadline_hours, after.bank_transfer_deadline_hours,
          number);
  compare("auto_confirm_days", before.auto_confirm_days, after.auto_confirm_days, number);
  compare("auto_deliver_days", before.auto_deliver_days, after.auto_deliver_days, number);
  compare("credit_second_approval_above", before.credit_second_approval_above, after.credit_second_approval_above,
          number);
  compare("carriers", before.carriers, after.carriers,
          [](const std::vector<std::string>& value) { return boost::json::value(CarriersJson(value)); });
  compare("marketplace_name", before.marketplace_name, after.marketplace_name, string);
  compare("notice", before.notice, after.notice, string);
  compare("bank_accounts", before.bank_accounts, after.bank_accounts,
          [](const std::vector<BankAccount>& value) { return boost::json::value(BankAccountsJson(value)); });
  return {boost::json::serialize(old_values), boost::json::serialize(new_values)};
}

}  // namespace

std::expected<Settings, SettingsError> ValidateSettings(const Settings& values) {
  Settings cleaned;
  if (values.platform_fee_basis_points < 0 || values.platform_fee_basis_points > kMaxPlatformFeeBasisPoints) {
    return std::unexpected(SettingsError::invalid_platform_fee);
  }
  cleaned.platform_fee_basis_points = values.platform_fee_basis_points;
  if (values.bank_transfer_deadline_hours < kMinBankTransferDeadlineHours ||
      values.bank_transfer_deadline_hours > kMaxBankTransferDeadlineHours) {
    return std::unexpected(SettingsError::invalid_bank_transfer_deadline);
  }
  cleaned.bank_transfer_deadline_hours = values.bank_transfer_deadline_hours;
  if (values.auto_confirm_days < kMinAutoConfirmDays || values.auto_confirm_days > kMaxAutoConfirmDays) {
    return std::unexpected(SettingsError::invalid_auto_confirm_days);
  }
  cleaned.auto_confirm_days = values.auto_confirm_days;
  if (values.auto_deliver_days < kMinAutoDeliverDays || values.auto_deliver_days > kMaxAutoDeliverDays) {
    return std::unexpected(SettingsError::invalid_auto_deliver_days);
  }
  cleaned.auto_deliver_days = values.auto_deliver_days;
  if (values.credit_second_approval_above < 0 || values.credit_second_approval_above > kMaxCreditSecondApprovalAbove) {
    return std::unexpected(SettingsError::invalid_credit_second_approval);
  }
  cleaned.credit_second_approval_above = values.credit_second_approval_above;

  if (values.carriers.empty() || values.carriers.size() > kMaxCarriers) {
    return std::unexpected(SettingsError::invalid_carriers);
  }
  cleaned.carriers.clear();
  std::set<std::string> seen;
  for (const std::string& carrier : values.carriers) {
    auto name = CleanLine(carrier, 1, kMaxCarrierBytes);
    // A carrier listed twice would be offered twice on the ship form.
    if (!name || !seen.insert(*name).second) return std::unexpected(SettingsError::invalid_carriers);
    cleaned.carriers.push_back(std::move(*name));
  }

  auto name = CleanLine(values.marketplace_name, 1, kMaxMarketplaceNameBytes);
  if (!name) return std::unexpected(SettingsError::invalid_marketplace_name);
  cleaned.marketplace_name = std::move(*name);
  auto notice = CleanLine(values.notice, 0, kMaxNoticeBytes);
  if (!notice) return std::unexpected(SettingsError::invalid_notice);
  cleaned.notice = std::move(*notice);

  if (values.bank_accounts.size() > kMaxBankAccounts) return std::unexpected(SettingsError::invalid_bank_accounts);
  for (const BankAccount& account : values.bank_accounts) {
    auto bank = CleanLine(account.bank, 1, kMaxBankFieldBytes);
    auto number = CleanLine(account.account_number, 1, kMaxBankFieldBytes);
    auto holder = CleanLine(account.holder, 1, kMaxBankFieldBytes);
    if (!bank || !number || !holder) return std::unexpected(SettingsError::invalid_bank_accounts);
    cleaned.bank_accounts.push_back({std::move(*bank), std::move(*number), std::move(*holder)});
  }
  return cleaned;
}

SettingsService::SettingsService(db::Database& database, const core::Clock& clock)
    : database_(database), clock_(clock) {}

StoredSettings SettingsService::Current() {
  return database_.Read([](db::Connection& connection) { return SettingsRepository::Load(connection); });
}

StoredSettings SettingsService::CurrentIn(db::Connection& connection) { return SettingsRepository::Load(connection); }

Masthead SettingsService::CurrentMasthead() {
  return database_.Read([](db::Connection& connection) { return SettingsRepository::LoadMasthead(connection); });
}

std::expected<StoredSettings, SettingsError> SettingsService::Update(const core::Actor& actor, std::int64_t version,
                                                                     const Settings& values, std::string_view reason) {
  if (!actor.is(core::Role::admin)) return std::unexpected(SettingsError::forbidden);
  auto cleaned = ValidateSettings(values);
  if (!cleaned) return std::unexpected(cleaned.error());
  auto cleaned_reason = CleanReason(reason);
  if (!cleaned_reason) return std::unexpected(SettingsError::invalid_reason);
  return database_.Write([&](db::Connection& connection) -> std::expected<StoredSettings, SettingsError> {
    const StoredSettings before = SettingsRepository::Load(connection);
    if (before.version != version) return std::unexpected(SettingsError::version_conflict);
    if (before.values == *cleaned) return before;
    const core::TimePoint now = clock_.Now();
    if (!SettingsRepository::Save(connection, version, *cleaned, *actor.user, core::ToUnixSeconds(now))) {
      return std::unexpected(SettingsError::version_conflict);
    }
    auto [old_values, new_values] = ChangedFields(before.values, *cleaned);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{.admin = *actor.user,
                                      .action = "settings.update",
                                      .subject_kind = "settings",
                                      .subject_id = "marketplace",
                                      .before = std::move(old_values),
                                      .after = std::move(new_values),
                                      .reason = *cleaned_reason});
    return StoredSettings{*cleaned, version + 1, actor.user, core::FromUnixSeconds(core::ToUnixSeconds(now))};
  });
}

std::string_view ErrorCode(SettingsError error) {
  switch (error) {
    case SettingsError::forbidden:
      return "forbidden";
    case SettingsError::invalid_platform_fee:
      return "invalid_platform_fee";
    case SettingsError::invalid_bank_transfer_deadline:
      return "invalid_bank_transfer_deadline";
    case SettingsError::invalid_auto_confirm_days:
      return "invalid_auto_confirm_days";
    case SettingsError::invalid_auto_deliver_days:
      return "invalid_auto_deliver_days";
    case SettingsError::invalid_credit_second_approval:
      return "invalid_credit_second_approval";
    case SettingsError::invalid_carriers:
      return "invalid_carriers";
    case SettingsError::invalid_marketplace_name:
      return "invalid_marketplace_name";
    case SettingsError::invalid_notice:
      return "invalid_notice";
    case SettingsError::invalid_bank_accounts:
      return "invalid_bank_accounts";
    case SettingsError::invalid_reason:
      return "invalid_reason";
    case SettingsError::version_conflict:
      return "version_conflict";
  }
  return "invalid_input";
}

std::string_view ErrorField(SettingsError error) {
  switch (error) {
    case SettingsError::invalid_platform_fee:
      return "platform_fee_basis_points";
    case SettingsError::invalid_bank_transfer_deadline:
      return "bank_transfer_deadline_hours";
    case SettingsError::invalid_auto_confirm_days:
      return "auto_confirm_days";
    case SettingsError::invalid_auto_deliver_days:
      return "auto_deliver_days";
    case SettingsError::invalid_credit_second_approval:
      return "credit_second_approval_above";
    case SettingsError::invalid_carriers:
      return "carriers";
    case SettingsError::invalid_marketplace_name:
      return "marketplace_name";
    case SettingsError::invalid_notice:
      return "notice";
    case SettingsError::invalid_bank_accounts:
      return "bank_accounts";
    case SettingsError::invalid_reason:
      return "reason";
    case SettingsError::forbidden:
    case SettingsError::version_conflict:
      return "";
  }
  return "";
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::settings_migrations(); }

}  // namespace manmulsang::settings
