#include "marketplace.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "embedded/api_description.hpp"
#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/admin_console/http/admin_console_routes.hpp"
#include "manmulsang/analytics/http/visit_counting.hpp"
#include "manmulsang/audit/http/audit_routes.hpp"
#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/coupons/http/coupon_routes.hpp"
#include "manmulsang/html/locale.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/html/route_refusal.hpp"
#include "manmulsang/http/csrf.hpp"
#include "manmulsang/http/metrics.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/http/server.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/media/media_routes.hpp"
#include "manmulsang/messages/http/messages_routes.hpp"
#include "manmulsang/notifications/http/notification_routes.hpp"
#include "manmulsang/orders/http/buying_routes.hpp"
#include "manmulsang/payments/http/money_routes.hpp"
#include "manmulsang/reviews/http/reviews_routes.hpp"
#include "manmulsang/search/http/search_routes.hpp"
#include "manmulsang/seller_center/http/seller_center_routes.hpp"
#include "manmulsang/sellers/http/seller_routes.hpp"
#include "manmulsang/settings/http/settings_routes.hpp"
#include "manmulsang/storefront/http/storefront_routes.hpp"
#include "manmulsang/wishlist/http/wishlist_routes.hpp"
#include "page_cache_sharing.hpp"
#include "read_your_writes.hpp"
#include "server_metrics.hpp"
#include "wiring/all_migrations.hpp"

namespace manmulsang::app {

Marketplace::Marketplace(const Config& config, Purpose purpose) {
  const std::string url = config.DatabaseUrl();
  if (url.starts_with("sqlite:")) {
    const std::filesystem::path file = url.substr(std::string_view("sqlite:").size());
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  }
  // Only the server reads from replicas; a command (demo, migrate, admin) works on the primary.
  database_ = purpose == Purpose::serve ? db::Database::Open(url, config.replica_urls) : db::Database::Open(url);
  migrations_applied_ = database_->Migrate(AllMigrations());
  MarketplaceSettings settings;
  settings.search.in_memory = PrepareSearch(config, purpose);
  services_ = std::make_unique<MarketplaceServices>(*database_, clock_, settings);
  media_ = std::make_unique<media::MediaLibrary>(std::filesystem::path(config.data_directory) / "media");
}

Marketplace::~Marketplace() = default;

bool Marketplace::PrepareSearch(const Config& config, Purpose purpose) {
  // Before the services: whether the index is loaded into memory is decided at their construction.
  search::SearchService index(*database_);
  sellers::SellerService sellers(*database_, clock_);
  catalog::CatalogService listings(*database_, clock_, sellers, &index);
  // One node rebuilds at a time; another node starting meanwhile serves what is indexed so far.
  const std::int64_t indexed = index.EnsureIndexed([&] { return listings.CountActiveProducts(); },
                                                   [&] {
                                                     spdlog::info("search: indexing the store's listings");
                                                     const std::int64_t count = listings.IndexAllListings();
                                                     spdlog::info("search: {} listings indexed", count);
                                                     return count;
                                                   },
                                                   clock_.Now());
  if (purpose != Purpose::serve) return false;
  if (config.search_in_memory) spdlog::info("search: loading the index of {} listings into memory", indexed);
  return config.search_in_memory;
}

void Marketplace::Serve(const Config& config) {
  const auto endpoint = config.ListenEndpoint();
  if (!endpoint) throw std::runtime_error("--listen must be HOST:PORT, got " + config.listen);

  http::StaticAssets assets(embedded::web_static());
  html::Renderer renderer(embedded::web_templates(), embedded::web_i18n(), assets);
  // Every page shows the marketplace's name and notice as an admin last saved them, read from the
  // store at each page (no copy in the process: every node shows the same).
  renderer.SetLayoutData([&services = *services_](const http::Request&, html::Data& data) {
    const settings::Masthead masthead = services.settings.CurrentMasthead();
    // The default name has an English spelling in the catalogs (t.site_name); a name the admin
    // chose is shown as typed in every language.
    if (masthead.marketplace_name != settings::kDefaultMarketplaceName) {
      data.set("site_name", masthead.marketplace_name);
    }
    if (!masthead.notice.empty()) data.set("site_banner", masthead.notice);
  });
  // The header's bell: one indexed count per signed-in page (anonymous pages never ask).
  renderer.AddHeaderCounts([&services = *services_](const core::Actor& actor, html::Renderer::HeaderCounts& counts) {
    counts.unread_notifications = services.notifications.UnreadCount(*actor.user);
  });
  http::PageCache page_cache;
  // The services (the listings' CSV import jobs among them) outlive the router, which stops
  // the jobs its handlers own before it goes.
  MarketplaceServices& services = *services_;
  // Several nodes on one store: what one node's writes invalidate, every node drops.
  std::optional<PageCacheSharing> page_cache_sharing;
  if (database_->dialect() == db::Dialect::postgres)
    page_cache_sharing.emplace(*database_, page_cache, services.catalog);

  http::Router router;
  // Order matters: the language and the actor are known before CSRF and counting look at them.
  if (!config.replica_urls.empty()) router.Use(ReadYourWrites::Middleware(clock_));
  router.Use(html::LocaleSelection());
  router.Use(accounts::Authentication(services.accounts));
  router.Use(orders::GuestCartMerge(services.cart));
  router.Use(http::CsrfProtection());
  router.Use(analytics::VisitCounting(services.analytics));
  router.SetRefusal(html::RouteRefusal(renderer));

  router.Get("/healthz", [this](http::Request&) {
    database_->CheckHealth();
    return http::Response::Text("ok\n");
  });
  // The JSON API's description (docs/openapi.yaml), embedded at build time so it always matches
  // the binary that serves it.
  router.Get(
      "/api/v1/openapi.yaml",
      [description = http::Precompress(std::string(embedded::api_description().front().content), "application/yaml")](
          http::Request&) { return http::Response::Shared(description, "application/yaml; charset=utf-8"); });
  http::AddMetricsRoute(router);
  // Declared after the page cache and the services it reads, so it goes before them.
  const http::MetricReaders metric_readers =
      RegisterServerMetrics({*database_, SqliteFile(config.DatabaseUrl()), page_cache, services.search});
  assets.AddRoutes(router);
  media::AddMediaRoutes(router, media_->store);
  accounts::AddAccountRoutes(router, renderer, services.accounts);
  audit::AddAuditRoutes(router, renderer, services.audit, services.accounts);
  notifications::AddNotificationRoutes(router, renderer, services.notifications);
  catalog::AddCatalogRoutes(router, renderer, services.catalog, services.sellers, page_cache, services.trending,
                            &services.analytics, {&services.reviews, &services.questions}, &services.wishlist);
  catalog::AddListingRoutes(router, renderer, services.catalog, services.listings, page_cache, *media_);
  wishlist::AddWishlistRoutes(router, renderer, {services.wishlist, services.catalog});
  search::AddSearchRoutes(router, services.search, services.trending);
  orders::AddBuyingRoutes(router, renderer,
                          {services.accounts, services.cart, services.orders, services.payments, services.addresses,
                           services.sellers, services.settings, page_cache, &services.coupons});
  payments::AddMoneyRoutes(router, renderer, {services.payments, services.accounts, services.sellers});
  coupons::AddCouponRoutes(router, renderer, {services.coupons, services.catalog});
  reviews::AddReviewRoutes(router, renderer, {services.reviews, services.questions, page_cache, *media_});
  messages::AddMessageRoutes(router, renderer, {services.messages, *media_});
  settings::AddSettingsRoutes(router, renderer, {services.settings, page_cache});
  sellers::AddSellerRoutes(
      router, renderer,
      {services.applications, page_cache, services.sellers, *media_, services.catalog, services.audit});
  seller_center::SellerCenter seller_center(services.sellers, services.catalog, services.orders, services.payments,
                                            services.analytics, services.questions);
  seller_center::AddSellerCenterRoutes(router, renderer, {seller_center});
  admin_console::AdminConsole admin_console(*database_, clock_, services.accounts, services.analytics, services.sellers,
                                            services.applications, services.catalog, services.payments, services.orders,
                                            services.reviews, services.questions, services.messages,
                                            services.audit);
  admin_console::AddAdminConsoleRoutes(router, renderer, {admin_console});
  storefront::AddStorefrontRoutes(router, renderer, services.accounts, services.analytics, services.sellers,
                                  services.catalog, services.trending, page_cache, &services.wishlist);
  router.SetNotFound(storefront::NotFoundPage(renderer));
  if (config.list_routes) {
    for (const http::RouteInfo& route : router.Routes()) {
      std::printf("%s %s\n", std::string(boost::beast::http::to_string(route.method)).c_str(), route.pattern.c_str());
    }
    return;
  }

  http::ServerOptions options;
  options.address = endpoint->address;
  options.port = endpoint->port;
  options.threads = config.threads;
  options.request_timeout = config.request_timeout;
  options.password_threads = config.password_threads;
  options.password_queue = config.password_queue;
  options.access_log = config.access_log;
  options.trust_proxy_headers = config.trust_proxy_headers;
  http::Server server(options, router);
  server.Listen();
  // Time-driven order moves: unpaid bank transfers past their deadline are cancelled (stock
  // back), prepaid orders shipped and never marked delivered become delivered after the
  // auto-deliver days, delivered orders past the confirmation window are confirmed (escrow to the shop),
  // and abandoned guest carts are dropped. Every jobs_interval (a minute: precise enough for
  // deadlines in hours).
  std::jthread order_jobs([&services, interval = config.jobs_interval](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
      try {
        services.orders.ExpireOverdueBankTransfers();
        services.orders.AutoDeliverShipped();
        services.orders.AutoConfirmDelivered();
        services.cart.DeleteStaleGuestCarts(cart::kGuestCartLifetime);
      } catch (const std::exception& error) {
        spdlog::error("order jobs: {}", error.what());
      }
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, interval, [] { return false; });
    }
  });
  // Tests and scripts wait for this exact line to learn the port.
  std::printf("Manmulsang listening on http://%s:%u\n", endpoint->address.c_str(), server.port());
  std::fflush(stdout);
  server.Run();
  services.analytics.Flush();
  spdlog::info("stopped");
}

}  // namespace manmulsang::app
