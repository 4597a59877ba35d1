#include "settings_repository.hpp"

#include <string_view>

namespace manmulsang::settings {
namespace {

constexpr std::string_view kSelectSettings =
    "SELECT version, platform_fee_basis_points, bank_transfer_deadline_hours, auto_confirm_days, marketplace_name, "
    "notice, updated_by, updated_at, credit_second_approval_above, auto_deliver_days FROM marketplace_settings WHERE "
    "id = 1";
constexpr std::string_view kSelectMasthead = "SELECT marketplace_name, notice FROM marketplace_settings WHERE id = 1";
constexpr std::string_view kSelectCarriers = "SELECT name FROM settings_carriers ORDER BY position";
constexpr std::string_view kSelectBankAccounts =
    "SELECT bank, account_number, holder FROM settings_bank_accounts ORDER BY position";
// The first change inserts the row; a second first change racing it finds the row there and
// inserts nothing (ON CONFLICT), which the caller reads as a conflict.
constexpr std::string_view kInsertSettings =
    "INSERT INTO marketplace_settings (id, version, platform_fee_basis_points, bank_transfer_deadline_hours, "
    "auto_confirm_days, marketplace_name, notice, updated_by, updated_at, credit_second_approval_above, "
    "auto_deliver_days) VALUES (1, 1, $1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING";
constexpr std::string_view kUpdateSettings =
    "UPDATE marketplace_settings SET version = version + 1, platform_fee_basis_points = $1, "
    "bank_transfer_deadline_hours = $2, auto_confirm_days = $3, marketplace_name = $4, notice = $5, updated_by = $6, "
    "updated_at = $7, credit_second_approval_above = $8, auto_deliver_days = $9 WHERE id = 1 AND version = $10";
constexpr std::string_view kDeleteCarriers = "DELETE FROM settings_carriers";
constexpr std::string_view kInsertCarrier = "INSERT INTO settings_carriers (position, name) VALUES ($1, $2)";
constexpr std::string_view kDeleteBankAccounts = "DELETE FROM settings_bank_accounts";
constexpr std::string_view kInsertBankAccount =
    "INSERT INTO settings_bank_accounts (position, bank, account_number, holder) VALUES ($1, $2, $3, $4)";

}  // namespace

StoredSettings SettingsRepository::Load(db::Connection& connection) {
  StoredSettings stored;
  auto row = connection.QueryOne(kSelectSettings);
  if (!row) return stored;
  stored.version = row->Int(0);
  stored.values.platform_fee_basis_points = row->Int(1);
  stored.values.bank_transfer_deadline_hours = row->Int(2);
  stored.values.auto_confirm_days = row->Int(3);
  stored.values.marketplace_name = row->Text(4);
  stored.values.notice = row->Text(5);
  stored.updated_by = core::UserId{row->Int(6)};
  stored.updated_at = core::FromUnixSeconds(row->Int(7));
  stored.values.credit_second_approval_above = row->Int(8);
  stored.values.auto_deliver_days = row->Int(9);
  stored.values.carriers.clear();
  for (const db::Row& carrier : connection.Query(kSelectCarriers)) stored.values.carriers.push_back(carrier.Text(0));
  for (const db::Row& account : connection.Query(kSelectBankAccounts)) {
    stored.values.bank_accounts.push_back({account.Text(0), account.Text(1), account.Text(2)});
  }
  return stored;
}

Masthead SettingsRepository::LoadMasthead(db::Connection& connection) {
  auto row = connection.QueryOne(kSelectMasthead);
  if (!row) return {std::string(kDefaultMarketplaceName), ""};
  return {row->Text(0), row->Text(1)};
}

bool SettingsRepository::Save(db::Connection& connection, std::int64_t version, const Settings& values,
                              core::UserId admin, std::int64_t updated_at) {
  const std::int64_t written =
      version == 0
          ? connection.Execute(kInsertSettings,
                               {values.platform_fee_basis_points, values.bank_transfer_deadline_hours,
                                values.auto_confirm_days, values.marketplace_name, values.notice, admin.value,
                                updated_at, values.credit_second_approval_above, values.auto_deliver_days})
          : connection.Execute(kUpdateSettings,
                               {values.platform_fee_basis_points, values.bank_transfer_deadline_hours,
                                values.auto_confirm_days, values.marketplace_name, values.notice, admin.value,
                                updated_at, values.credit_second_approval_above, values.auto_deliver_days, version});
  if (written != 1) return false;
  connection.Execute(kDeleteCarriers);
  for (std::size_t position = 0; position < values.carriers.size(); ++position) {
    connection.Execute(kInsertCarrier, {static_cast<std::int64_t>(position), values.carriers[position]});
  }
  connection.Execute(kDeleteBankAccounts);
  for (std::size_t position = 0; position < values.bank_accounts.size(); ++position) {
    const BankAccount& account = values.bank_accounts[position];
    connection.Execute(kInsertBankAccount,
                       {static_cast<std::int64_t>(position), account.bank, account.account_number, account.holder});
  }
  return true;
}

}  // namespace manmulsang::settings
