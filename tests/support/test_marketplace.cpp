#include "test_marketplace.hpp"

#include "wiring/all_migrations.hpp"

namespace manmulsang::testing {

TestMarketplace::TestMarketplace(TestMarketplaceOptions options)
    : store_(app::AllMigrations()),
      clock_(options.start),
      services_(std::make_unique<app::MarketplaceServices>(store_.database(), clock_, options.settings)) {}

// The services go first: the analytics flush on the way out still needs the store.
TestMarketplace::~TestMarketplace() { services_.reset(); }

std::int64_t TestMarketplace::Count(std::string_view sql) {
  return store_->Read([&](db::Connection& connection) { return connection.QueryOne(sql)->Int(0); });
}

}  // namespace manmulsang::testing
