#include "wiring/all_migrations.hpp"

#include <array>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/messages/messages.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"
#include "manmulsang/wishlist/wishlist.hpp"

namespace manmulsang::app {

std::span<const db::Database::ModuleMigrations> AllMigrations() {
  static const std::array<db::Database::ModuleMigrations, 15> modules = {{
      {"audit", audit::Migrations()},
      {"notifications", notifications::Migrations()},
      {"settings", settings::Migrations()},
      {"accounts", accounts::Migrations()},
      {"analytics", analytics::Migrations()},
      {"sellers", sellers::Migrations()},
      {"search", search::Migrations()},
      {"catalog", catalog::Migrations()},
      {"wishlist", wishlist::Migrations()},
      {"payments", payments::Migrations()},
      {"coupons", coupons::Migrations()},
      {"cart", cart::Migrations()},
      {"orders", orders::Migrations()},
      {"reviews", reviews::Migrations()},
      {"messages", messages::Migrations()},
  }};
  return modules;
}

}  // namespace manmulsang::app
