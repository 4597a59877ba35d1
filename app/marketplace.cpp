#include "marketplace.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <filesystem>
#include <stdexcept>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/analytics/http/visit_counting.hpp"
#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/html/locale.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/csrf.hpp"
#include "manmulsang/http/metrics.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/http/server.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/media/media_routes.hpp"
#include "manmulsang/orders/http/buying_routes.hpp"
#include "manmulsang/reviews/http/reviews_routes.hpp"
#include "manmulsang/seller_center/http/seller_center_routes.hpp"
#include "manmulsang/sellers/http/seller_routes.hpp"
#include "manmulsang/search/http/search_routes.hpp"
#include "manmulsang/storefront/http/storefront_routes.hpp"

namespace manmulsang::app {

Marketplace::Marketplace(const Config& config, Purpose purpose) {
  const std::string url = config.DatabaseUrl();
  if (url.starts_with("sqlite:")) {
    const std::filesystem::path file = url.substr(std::string_view("sqlite:").size());
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  }
  database_ = db::Database::Open(url);
  migrations_applied_ = Migrate();
  accounts_ = std::make_unique<accounts::AccountService>(*database_, clock_);
  sellers_ = std::make_unique<sellers::SellerService>(*database_, clock_);
  applications_ = std::make_unique<sellers::ApplicationService>(*database_, clock_, *accounts_);
  search_ = std::make_unique<search::SearchService>(*database_,
                                                    search::SearchOptions{.in_memory = PrepareSearch(config, purpose)});
  trending_ = std::make_unique<search::TrendingSearches>(clock_);
  catalog_ = std::make_unique<catalog::CatalogService>(*database_, clock_, *sellers_, search_.get());
  analytics_ = std::make_unique<analytics::AnalyticsService>(*database_, clock_);
  payments_ = std::make_unique<payments::PaymentService>(*database_, clock_);
  cart_ = std::make_unique<cart::CartService>(*database_, clock_, *sellers_, *catalog_, *payments_);
  orders_ = std::make_unique<orders::OrderService>(*database_, clock_, *sellers_, *catalog_, *cart_, *payments_);
  addresses_ = std::make_unique<orders::AddressBook>(*database_, clock_);
  reviews_ = std::make_unique<reviews::ReviewService>(*database_, clock_, *sellers_, *catalog_, *orders_);
  questions_ = std::make_unique<reviews::QuestionService>(*database_, clock_, *sellers_, *catalog_);
  media_ = std::make_unique<media::MediaLibrary>(std::filesystem::path(config.data_directory) / "media");
}

Marketplace::~Marketplace() = default;

int Marketplace::Migrate() {
  // Module order is dependency order: a module's tables may refer to those above it.
  const db::Database::ModuleMigrations modules[] = {
      {"accounts", accounts::Migrations()},
      {"analytics", analytics::Migrations()},
      {"sellers", sellers::Migrations()},
      {"search", search::Migrations()},
      {"catalog", catalog::Migrations()},
      {"payments", payments::Migrations()},
      {"cart", cart::Migrations()},
      {"orders", orders::Migrations()},
      {"reviews", reviews::Migrations()},
  };
  return database_->Migrate(modules);
}

bool Marketplace::PrepareSearch(const Config& config, Purpose purpose) {
  search::SearchService index(*database_);
  catalog::CatalogService listings(*database_, clock_, *sellers_, &index);
  std::int64_t indexed = index.IndexedCount();
  if (indexed != listings.CountActiveProducts()) {
    spdlog::info("search: indexing the store's listings");
    indexed = listings.IndexAllListings();
    spdlog::info("search: {} listings indexed", indexed);
  }
  if (purpose != Purpose::serve) return false;
  if (config.search_in_memory) spdlog::info("search: loading the index of {} listings into memory", indexed);
  return config.search_in_memory;
}

void Marketplace::Serve(const Config& config) {
  const auto endpoint = config.ListenEndpoint();
  if (!endpoint) throw std::runtime_error("--listen must be HOST:PORT, got " + config.listen);

  http::StaticAssets assets(embedded::web_static());
  html::Renderer renderer(embedded::web_templates(), embedded::web_i18n(), assets);
  http::PageCache page_cache;
  // Before the router: the CSV import's background jobs, owned by the router's handlers, use it
  // until the router (destroyed first) has stopped them.
  catalog::ListingService listings(*database_, clock_, *sellers_, *catalog_);

  http::Router router;
  // Order matters: the language and the actor are known before CSRF and counting look at them.
  router.Use(html::LocaleSelection());
  router.Use(accounts::Authentication(*accounts_));
  router.Use(orders::GuestCartMerge(*cart_));
  router.Use(http::CsrfProtection());
  router.Use(analytics::VisitCounting(*analytics_));

  router.Get("/healthz", [this](http::Request&) {
    database_->CheckHealth();
    return http::Response::Text("ok\n");
  });
  http::AddMetricsRoute(router);
  assets.AddRoutes(router);
  media::AddMediaRoutes(router, media_->store);
  accounts::AddAccountRoutes(router, renderer, *accounts_);
  catalog::AddCatalogRoutes(router, renderer, *catalog_, *sellers_, page_cache, *trending_, analytics_.get());
  catalog::AddListingRoutes(router, renderer, *catalog_, listings, page_cache, *media_);
  search::AddSearchRoutes(router, *search_, *trending_);
  orders::AddBuyingRoutes(router, renderer, {*accounts_, *cart_, *orders_, *payments_, *addresses_, *sellers_, page_cache});
  reviews::AddReviewRoutes(router, renderer, {*reviews_, *questions_, page_cache, *media_});
  sellers::AddSellerRoutes(router, renderer, {*applications_, page_cache, *sellers_, *media_});
  seller_center::SellerCenter seller_center(*sellers_, *catalog_, *orders_, *payments_, *analytics_, *questions_);
  seller_center::AddSellerCenterRoutes(router, renderer, {seller_center});
  storefront::AddStorefrontRoutes(router, renderer, *accounts_, *analytics_, *sellers_, *catalog_, *trending_,
                                  page_cache);
  router.SetNotFound(storefront::NotFoundPage(renderer));

  http::ServerOptions options;
  options.address = endpoint->address;
  options.port = endpoint->port;
  options.threads = config.threads;
  options.request_timeout = config.request_timeout;
  options.access_log = config.access_log;
  options.trust_proxy_headers = config.trust_proxy_headers;
  http::Server server(options, router);
  server.Listen();
  // Time-driven order moves: unpaid bank transfers past their deadline are cancelled (stock
  // back), delivered orders past the confirmation window are confirmed (escrow to the shop),
  // and abandoned guest carts are dropped. Once a minute is precise enough for deadlines in hours.
  std::jthread order_jobs([this](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
      try {
        orders_->ExpireOverdueBankTransfers();
        orders_->AutoConfirmDelivered();
        cart_->DeleteStaleGuestCarts(std::chrono::days(30));
      } catch (const std::exception& error) {
        spdlog::error("order jobs: {}", error.what());
      }
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, std::chrono::minutes(1), [] { return false; });
    }
  });
  // Tests and scripts wait for this exact line to learn the port.
  std::printf("Manmulsang listening on http://%s:%u\n", endpoint->address.c_str(), server.port());
  std::fflush(stdout);
  server.Run();
  analytics_->Flush();
  spdlog::info("stopped");
}

}  // namespace manmulsang::app
