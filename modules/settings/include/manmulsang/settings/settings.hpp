#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/settings/errors.hpp"

namespace manmulsang::settings {

// An account buyers pay a bank transfer into (shown on the order page while it awaits payment).
struct BankAccount {
  std::string bank;            // 1..kMaxBankFieldBytes
  std::string account_number;  // 1..kMaxBankFieldBytes
  std::string holder;          // 1..kMaxBankFieldBytes

  bool operator==(const BankAccount&) const = default;
};

inline constexpr std::int64_t kMaxPlatformFeeBasisPoints = 3000;  // 30 %
inline constexpr std::int64_t kMinBankTransferDeadlineHours = 1;
inline constexpr std::int64_t kMaxBankTransferDeadlineHours = 720;  // 30 days
inline constexpr std::int64_t kMinAutoConfirmDays = 1;
inline constexpr std::int64_t kMaxAutoConfirmDays = 60;
inline constexpr std::int64_t kMinAutoDeliverDays = 1;
inline constexpr std::int64_t kMaxAutoDeliverDays = 60;
inline constexpr std::int64_t kMaxCreditSecondApprovalAbove = 10'000'000'000;  // ten billion won
inline constexpr std::size_t kMaxCarriers = 20;
inline constexpr std::size_t kMaxCarrierBytes = 40;
inline constexpr std::size_t kMaxMarketplaceNameBytes = 60;
inline constexpr std::size_t kMaxNoticeBytes = 300;
inline constexpr std::size_t kMaxBankAccounts = 5;
inline constexpr std::size_t kMaxBankFieldBytes = 60;
inline constexpr std::string_view kDefaultMarketplaceName = "만물상";

// The marketplace's operating settings. The defaults are what a new marketplace runs with until
// an admin changes them; they are kept here only (the store holds a row once an admin saved one).
struct Settings {
  // The platform's share of each confirmed order, in basis points (1/100 of a percent), rounded
  // down to the won: the shop gets the rest.
  std::int64_t platform_fee_basis_points = 300;
  // An unpaid bank transfer is cancelled (stock released) this long after checkout.
  std::int64_t bank_transfer_deadline_hours = 72;
  // A delivered order the buyer neither confirmed nor returned is confirmed this long after delivery.
  std::int64_t auto_confirm_days = 7;
  // A shipped order the shop never marked delivered becomes delivered this long after shipment
  // (then auto_confirm_days run). Cash-on-delivery orders wait for the shop or the buyer.
  std::int64_t auto_deliver_days = 14;
  // The two-person rule: a wallet credit of more won than this waits for a second admin's
  // approval (0: every credit does). Read by payments inside the credit's own transaction.
  std::int64_t credit_second_approval_above = 1'000'000;
  // The carriers a shop chooses from when it ships, in the order the form lists them.
  std::vector<std::string> carriers = {"조선우편", "평양특급", "대동강택배", "만물상 배송", "직접 배달"};
  // Shown in every page's header and title.
  std::string marketplace_name{kDefaultMarketplaceName};
  // A banner on every page while it is not empty.
  std::string notice;
  std::vector<BankAccount> bank_accounts;

  std::chrono::seconds BankTransferDeadline() const { return std::chrono::hours(bank_transfer_deadline_hours); }
  std::chrono::seconds AutoConfirmAfter() const { return std::chrono::days(auto_confirm_days); }
  std::chrono::seconds AutoDeliverAfter() const { return std::chrono::days(auto_deliver_days); }

  bool operator==(const Settings&) const = default;
};

// The settings as stored, with the version a change must name (0 while the defaults apply).
struct StoredSettings {
  Settings values;
  std::int64_t version = 0;
  std::optional<core::UserId> updated_by;
  std::optional<core::TimePoint> updated_at;
};

// What every page's layout shows of the settings.
struct Masthead {
  std::string marketplace_name;
  std::string notice;
};

// The settings in the store. Nothing is cached in the process: every read goes to the store, so
// a change is seen at once by every request and job, on every node that shares the store.
class SettingsService {
 public:
  SettingsService(db::Database& database, const core::Clock& clock);

  StoredSettings Current();
  // The same inside the caller's transaction (an order's release reads the fee it applies).
  StoredSettings CurrentIn(db::Connection& connection);
  // The name and the notice only: one small read for every page.
  Masthead CurrentMasthead();

  // An admin replaces the settings with values (cleaned: text NFC and trimmed), naming the
  // version the form was read at and why. One transaction writes them and an audit entry
  // ("settings.update", before → after of the changed fields only). forbidden for anyone but an
  // admin; invalid_* naming the first bad field; invalid_reason; version_conflict when the
  // settings changed since `version` was read. Values equal to the stored ones change nothing and
  // record nothing.
  std::expected<StoredSettings, SettingsError> Update(const core::Actor& actor, std::int64_t version,
                                                      const Settings& values, std::string_view reason);

 private:
  db::Database& database_;
  const core::Clock& clock_;
};

// values cleaned as Update stores them, or the first field at fault (checked in declaration order).
std::expected<Settings, SettingsError> ValidateSettings(const Settings& values);

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::settings
