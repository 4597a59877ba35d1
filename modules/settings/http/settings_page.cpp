// /admin/settings: the form of the operating settings with their current values. POST saves them
// (one transaction with its audit entry) and redirects with a notice, or re-renders the typed
// values with the error. No JavaScript; the form carries _csrf and the version it was read at, so
// a form read before another admin's change is refused instead of undoing it.

#include <charconv>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/text/normalize.hpp"
#include "settings_http.hpp"

namespace manmulsang::settings {
namespace {

// A whole number typed in the form; -1 (outside every range, so the service names the field)
// for anything else.
std::int64_t FormNumber(std::string_view text) {
  const std::string trimmed = text::Trim(text);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (error != std::errc{} || end != trimmed.data() + trimmed.size() || trimmed.empty()) return -1;
  return value;
}

// One carrier a line; blank lines are ignored.
std::vector<std::string> FormLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string line = text::Trim(text.substr(0, end));
    if (!line.empty()) lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string Field(std::string_view name, std::size_t row) { return std::string(name) + "_" + std::to_string(row); }

class SettingsPage {
 public:
  explicit SettingsPage(const SettingsHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    const StoredSettings stored = http_.services.settings.Current();
    std::string notice;
    if (request.Query("saved")) notice = http_.Text(request, "settings.saved");
    return Render(request, stored.values, stored.version, "", {}, notice, http::Status::ok);
  }

  http::Response Save(http::Request& request) const {
    const http::Form& form = request.form();
    Settings values;
    values.platform_fee_basis_points = FormNumber(form.GetOr("platform_fee_basis_points"));
    values.bank_transfer_deadline_hours = FormNumber(form.GetOr("bank_transfer_deadline_hours"));
    values.auto_confirm_days = FormNumber(form.GetOr("auto_confirm_days"));
    values.auto_deliver_days = FormNumber(form.GetOr("auto_deliver_days"));
    values.credit_second_approval_above = FormNumber(form.GetOr("credit_second_approval_above"));
    values.carriers = FormLines(form.GetOr("carriers"));
    values.marketplace_name = std::string(form.GetOr("marketplace_name"));
    values.notice = std::string(form.GetOr("notice"));
    for (std::size_t row = 0; row < kMaxBankAccounts; ++row) {
      BankAccount account{std::string(form.GetOr(Field("bank", row))),
                          std::string(form.GetOr(Field("account_number", row))),
                          std::string(form.GetOr(Field("holder", row)))};
      // A row left blank is no account; a row half filled is the service's to refuse.
      if (text::Trim(account.bank + account.account_number + account.holder).empty()) continue;
      values.bank_accounts.push_back(std::move(account));
    }
    const std::string reason(form.GetOr("reason"));
    const std::int64_t version = FormNumber(form.GetOr("version"));
    auto updated = http_.services.settings.Update(request.context().actor, version, values, reason);
    if (updated) {
      http_.ForgetCachedPages();
      return http::Response::Redirect("/admin/settings?saved=1");
    }
    const http::ApiProblem problem = ProblemOf(updated.error());
    if (updated.error() == SettingsError::version_conflict) {
      // The typed values would undo the other admin's change: show what is stored now.
      const StoredSettings stored = http_.services.settings.Current();
      return Render(request, stored.values, stored.version, "", problem, "", problem.status);
    }
    return Render(request, values, version, reason, problem, "", problem.status);
  }

 private:
  http::Response Render(const http::Request& request, const Settings& values, std::int64_t version,
                        const std::string& reason, const http::ApiProblem& problem, const std::string& notice,
                        http::Status status) const {
    html::Data data;
    data.set("title", http_.Text(request, "settings.title"));
    if (!notice.empty()) data.set("notice", notice);
    if (!problem.code.empty()) {
      data.set("message", http_.Text(request, "settings.error." + problem.code));
      if (!problem.field.empty()) data.set(problem.field + "_error", html::Data(true));
    }
    data.set("version", std::to_string(version));
    data.set("platform_fee_basis_points", std::to_string(values.platform_fee_basis_points));
    data.set("bank_transfer_deadline_hours", std::to_string(values.bank_transfer_deadline_hours));
    data.set("auto_confirm_days", std::to_string(values.auto_confirm_days));
    data.set("auto_deliver_days", std::to_string(values.auto_deliver_days));
    data.set("credit_second_approval_above", std::to_string(values.credit_second_approval_above));
    std::string carriers;
    for (const std::string& carrier : values.carriers) carriers += carrier + "\n";
    data.set("carriers", carriers);
    data.set("marketplace_name", values.marketplace_name);
    data.set("notice_text", values.notice);
    html::List accounts;
    for (std::size_t row = 0; row < kMaxBankAccounts; ++row) {
      html::Data account;
      account.set("row", std::to_string(row));
      account.set("number", std::to_string(row + 1));
      if (row < values.bank_accounts.size()) {
        account.set("bank", values.bank_accounts[row].bank);
        account.set("account_number", values.bank_accounts[row].account_number);
        account.set("holder", values.bank_accounts[row].holder);
      } else {
        for (const char* name : {"bank", "account_number", "holder"}) account.set(name, std::string());
      }
      accounts.push_back(account);
    }
    data.set("bank_accounts", accounts);
    data.set("reason", reason);
    data.set("max_fee", std::to_string(kMaxPlatformFeeBasisPoints));
    data.set("min_hours", std::to_string(kMinBankTransferDeadlineHours));
    data.set("max_hours", std::to_string(kMaxBankTransferDeadlineHours));
    data.set("min_days", std::to_string(kMinAutoConfirmDays));
    data.set("max_days", std::to_string(kMaxAutoConfirmDays));
    data.set("min_deliver_days", std::to_string(kMinAutoDeliverDays));
    data.set("max_deliver_days", std::to_string(kMaxAutoDeliverDays));
    data.set("max_credit_approval", std::to_string(kMaxCreditSecondApprovalAbove));
    data.set("max_name", std::to_string(kMaxMarketplaceNameBytes));
    data.set("max_notice", std::to_string(kMaxNoticeBytes));
    data.set("max_bank_field", std::to_string(kMaxBankFieldBytes));
    data.set("max_reason", std::to_string(audit::kMaxReasonBytes));
    return http_.renderer.Page(request, "settings/admin_settings", std::move(data), status);
  }

  SettingsHttp http_;
};

}  // namespace

void AddSettingsPage(http::Router& router, const SettingsHttp& http) {
  auto page = std::make_shared<const SettingsPage>(http);
  router.Get(
      "/admin/settings", [page](http::Request& request) { return page->Show(request); }, kAdminPage);
  router.Post(
      "/admin/settings", [page](http::Request& request) { return page->Save(request); }, kAdminPage);
}

}  // namespace manmulsang::settings
