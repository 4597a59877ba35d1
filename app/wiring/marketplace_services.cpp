#include "wiring/marketplace_services.hpp"

#include "wiring/account_closing.hpp"

namespace manmulsang::app {

MarketplaceServices::MarketplaceServices(db::Database& database, const core::Clock& clock,
                                         const MarketplaceSettings& settings)
    : audit(database),
      notifications(database, clock),
      settings(database, clock),
      accounts(database, clock),
      analytics(database, clock, settings.analytics),
      sellers(database, clock),
      applications(database, clock, accounts),
      search(database, settings.search),
      trending(database, clock),
      catalog(database, clock, sellers, &search),
      listings(database, clock, sellers, catalog),
      wishlist(database, clock, sellers, catalog),
      payments(database, clock, this->settings),
      coupons(database, clock, sellers),
      cart(database, clock, sellers, catalog, payments),
      orders(database, clock, sellers, catalog, cart, payments, this->settings),
      addresses(database, clock),
      reviews(database, clock, sellers, catalog, orders),
      questions(database, clock, sellers, catalog),
      messages(database, clock, sellers, catalog, orders) {
  accounts.SetClosingHooks(AccountClosing(*this));
}

}  // namespace manmulsang::app
