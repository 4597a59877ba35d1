#pragma once

#include <memory>

#include "config.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/media/media_library.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::http {
class Router;
}

namespace manmulsang::app {

// The composition root: config → store → modules. Every command builds one; `serve` also
// builds the routes.
class Marketplace {
 public:
  enum class Purpose { command, serve };

  // Opens the store named by config (creating the data folder for SQLite), applies every
  // module's pending migrations and indexes listings the search index lacks (a store made
  // before it). Only Purpose::serve may load the search index into memory.
  explicit Marketplace(const Config& config, Purpose purpose = Purpose::command);
  ~Marketplace();

  db::Database& database() { return *database_; }
  const core::Clock& clock() const { return clock_; }
  MarketplaceServices& services() { return *services_; }
  accounts::AccountService& accounts() { return services_->accounts; }
  sellers::SellerService& sellers() { return services_->sellers; }
  catalog::CatalogService& catalog() { return services_->catalog; }
  // Uploaded pictures: the pipeline and the store under <data>/media (docs/IMAGES.md).
  media::MediaLibrary& media() { return *media_; }

  // How many migrations opening the store applied.
  int migrations_applied() const { return migrations_applied_; }

  // Serves HTTP until SIGINT/SIGTERM. Prints the listening URL once it accepts.
  void Serve(const Config& config);

 private:
  // Makes the index whole if it is not, and says whether queries should be served from memory.
  bool PrepareSearch(const Config& config, Purpose purpose);

  core::SystemClock clock_;
  int migrations_applied_ = 0;
  std::unique_ptr<db::Database> database_;
  // Built from database_ and clock_ by the one wiring (wiring/marketplace_services.hpp).
  std::unique_ptr<MarketplaceServices> services_;
  std::unique_ptr<media::MediaLibrary> media_;
};

}  // namespace manmulsang::app
