#include "commands.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "demo/demo_coupons.hpp"
#include "demo/demo_desk.hpp"
#include "demo/demo_disputes.hpp"
#include "demo/demo_generator.hpp"
#include "demo/demo_messages.hpp"
#include "demo/demo_orders.hpp"
#include "demo/demo_reviews.hpp"
#include "demo/demo_visits.hpp"
#include "demo/demo_wishlists.hpp"
#include "marketplace.hpp"

namespace manmulsang::app {

namespace {

void Report(const std::string& message) { std::fprintf(stderr, "manmulsang: %s\n", message.c_str()); }

std::string AccountErrorText(accounts::AccountError error) {
  switch (error) {
    case accounts::AccountError::invalid_email:
      return "that is not a valid e-mail address";
    case accounts::AccountError::password_too_short:
      return "the password needs at least 10 characters";
    case accounts::AccountError::password_too_long:
      return "the password is too long";
    case accounts::AccountError::invalid_name:
      return "the name must be 1 to 60 characters";
    case accounts::AccountError::email_taken:
      return "a member with that e-mail already exists";
    default:
      return std::string(accounts::ErrorCode(error));
  }
}

// The password in a file (so it never shows in the process list or the shell's history).
std::optional<std::string> ReadPasswordFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    Report("cannot read the password file " + path);
    return std::nullopt;
  }
  std::stringstream contents;
  contents << file.rdbuf();
  std::string password = contents.str();
  // A file written by `echo` ends in a newline that is not part of the password.
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  return password;
}

}  // namespace

int ServeCommand(const Config& config) {
  if (!config.ListenEndpoint()) {
    Report("--listen must be HOST:PORT, got " + config.listen);
    return 2;
  }
  Marketplace marketplace(config, Marketplace::Purpose::serve);
  marketplace.Serve(config);
  return 0;
}

int DemoCommand(const Config& config, std::int64_t products, std::uint64_t seed, bool if_empty) {
  Marketplace marketplace(config);
  if (!demo::DemoNeeded(marketplace.catalog())) {
    if (if_empty) {
      std::printf("the store already has products; no demo needed\n");
      return 0;
    }
    Report("the store already has products; the demo fills only an empty store");
    return 1;
  }
  demo::DemoOptions options;
  options.products = products;
  options.seed = seed;
  options.progress = isatty(STDERR_FILENO) != 0;
  const demo::DemoSummary summary =
      demo::GenerateDemoMarketplace(marketplace.database(), marketplace.accounts(), marketplace.sellers(),
                                    marketplace.catalog(), marketplace.clock(), options);
  const demo::DemoOrdersSummary orders =
      demo::GenerateDemoOrders(marketplace.database(), marketplace.accounts(), marketplace.sellers(),
                               marketplace.catalog(), marketplace.clock(), summary, options);
  const demo::DemoReviewsSummary reviews =
      demo::GenerateDemoReviews(marketplace.database(), marketplace.accounts(), marketplace.sellers(),
                                marketplace.catalog(), marketplace.clock(), summary, options);
  const demo::DemoVisitsSummary visits =
      demo::GenerateDemoVisits(marketplace.services().analytics, marketplace.clock(), options);
  const demo::DemoDeskSummary desk = demo::GenerateDemoDesk(marketplace.services(), orders.admin, summary, options);
  const demo::DemoMessagesSummary messages = demo::GenerateDemoMessages(marketplace.services(), summary, options);
  const demo::DemoWishlistsSummary wishlists = demo::GenerateDemoWishlists(marketplace.services(), summary, options);
  const demo::DemoDisputesSummary disputes = demo::GenerateDemoDisputes(marketplace.services(), orders.admin);
  const demo::DemoCouponsSummary coupons =
      demo::GenerateDemoCoupons(marketplace.services(), orders.admin, summary, options);
  std::printf(
      "demo marketplace: %lld members, %lld shops, %lld products, %lld orders, %lld wallets, "
      "%lld reviews, %lld questions, %lld visits over %lld days\n",
      static_cast<long long>(summary.members), static_cast<long long>(summary.shops),
      static_cast<long long>(summary.products), static_cast<long long>(orders.orders),
      static_cast<long long>(orders.wallets), static_cast<long long>(reviews.reviews),
      static_cast<long long>(reviews.questions), static_cast<long long>(visits.visits),
      static_cast<long long>(visits.days));
  std::printf("admin desk: %lld payouts waiting (%lld approved), %lld listing, %lld review and %lld question reports\n",
              static_cast<long long>(desk.payouts_requested + desk.payouts_approved),
              static_cast<long long>(desk.payouts_approved), static_cast<long long>(desk.listing_reports),
              static_cast<long long>(desk.review_reports), static_cast<long long>(desk.question_reports));
  std::printf("disputes: %lld waiting for the admin, %lld settled with a partial refund, %lld closed for the shop\n",
              static_cast<long long>(disputes.waiting), static_cast<long long>(disputes.partly_refunded),
              static_cast<long long>(disputes.closed_for_shop));
  std::printf("messages: %lld conversations between buyers and shops, %lld messages, %lld waiting for the shop\n",
              static_cast<long long>(messages.conversations), static_cast<long long>(messages.messages),
              static_cast<long long>(messages.unanswered));
  std::printf("wishlists: %lld members saved %lld products (%lld since sold for less), %lld shops followed\n",
              static_cast<long long>(wishlists.members), static_cast<long long>(wishlists.saved),
              static_cast<long long>(wishlists.price_drops), static_cast<long long>(wishlists.follows));
  std::printf("coupons: %lld marketplace and %lld shop coupons, %lld claimed by buyers\n",
              static_cast<long long>(coupons.site_coupons), static_cast<long long>(coupons.shop_coupons),
              static_cast<long long>(coupons.claims));
  // The one time this password exists in clear: the store keeps only its hash.
  std::printf(
      "\nadmin login (shown only now; keep it): %s  password: %s\n"
      "  sign in at /login, then open /admin. Lost it? manmulsang admin reset-password --email %s\n",
      orders.admin_email.c_str(), orders.admin_password.c_str(), orders.admin_email.c_str());
  return 0;
}

int MigrateCommand(const Config& config) {
  // Opening the marketplace applies what is pending.
  Marketplace marketplace(config);
  std::printf("applied %d migrations; the store is up to date\n", marketplace.migrations_applied());
  return 0;
}

int CreateUserCommand(const Config& config, const std::string& email, const std::string& password_file,
                      const std::string& role_name, const std::string& name) {
  const auto role = core::ParseRole(role_name);
  if (!role) {
    Report("--role must be admin, seller or buyer");
    return 2;
  }
  const auto password = ReadPasswordFile(password_file);
  if (!password) return 2;

  Marketplace marketplace(config);
  accounts::RegisterCommand command{email, *password, name.empty() ? email.substr(0, email.find('@')) : name, *role};
  const auto user = marketplace.accounts().Register(command);
  if (!user) {
    Report(AccountErrorText(user.error()));
    return 1;
  }
  std::printf("created %s %s (id %lld)\n", std::string(core::RoleName(user->role)).c_str(), user->email.c_str(),
              static_cast<long long>(user->id.value));
  return 0;
}

int ResetPasswordCommand(const Config& config, const std::string& email, const std::string& password_file) {
  std::optional<std::string> password;
  if (!password_file.empty()) {
    password = ReadPasswordFile(password_file);
    if (!password) return 2;
  }
  Marketplace marketplace(config);
  const auto member = marketplace.accounts().FindUserByEmail(email);
  if (!member) {
    Report("no member has the e-mail " + email);
    return 1;
  }
  if (password) {
    const auto changed = marketplace.accounts().SetPassword(member->id, *password);
    if (!changed) {
      Report(AccountErrorText(changed.error()));
      return 1;
    }
    std::printf("password of %s (id %lld) set; their sessions have ended\n", changed->email.c_str(),
                static_cast<long long>(changed->id.value));
    return 0;
  }
  // The command line is the operator at the machine: no admin account acts, so no audit entry.
  const auto issued = marketplace.accounts().IssueResetCode(std::nullopt, member->id);
  if (!issued) {
    Report(AccountErrorText(issued.error()));
    return 1;
  }
  std::printf(
      "one-time reset code for %s (id %lld): %s\n"
      "valid until %s; it works once and replaces any earlier code.\n"
      "the member opens /reset-password and enters the e-mail, this code and a new password.\n",
      issued->member.email.c_str(), static_cast<long long>(issued->member.id.value), issued->code.c_str(),
      core::FormatIso8601(issued->expires_at).c_str());
  return 0;
}

}  // namespace manmulsang::app
