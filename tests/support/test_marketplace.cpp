#include "test_marketplace.hpp"

#include "wiring/all_migrations.hpp"

namespace manmulsang::testing {

TestMarketplace::TestMarketplace(TestMarketplaceOptions options)
    : directory_("manmulsang-marketplace"),
      database_(db::Database::Open(options.database_url.empty() ? "sqlite:" + (directory_ / "test.db").string()
                                                                : options.database_url)),
      clock_(options.start) {
  database_->Migrate(app::AllMigrations());
  services_ = std::make_unique<app::MarketplaceServices>(*database_, clock_, options.settings);
}

// The services go first: the analytics flush on the way out still needs the store.
TestMarketplace::~TestMarketplace() { services_.reset(); }

std::int64_t TestMarketplace::Count(std::string_view sql) {
  return database_->Read([&](db::Connection& connection) { return connection.QueryOne(sql)->Int(0); });
}

}  // namespace manmulsang::testing
