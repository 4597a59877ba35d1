// /admin/shops: every shop, searched by shop or owner id, name or phone, filtered by status; and
// /admin/shops/:id: the shop with its owner, listings, delivery options and audit history, and
// the form that suspends it or lifts its suspension (with a reason). No JavaScript; forms carry
// _csrf. The services check the admin again.

#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

constexpr http::RouteOptions kAdminPage{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};
constexpr ShopStatus kStatuses[] = {ShopStatus::approved, ShopStatus::suspended, ShopStatus::pending,
                                    ShopStatus::rejected};

class AdminShopPages {
 public:
  explicit AdminShopPages(const SellersHttp& http) : http_(http) {}

  http::Response List(http::Request& request) const {
    html::Data data;
    data.set("title", http_.Text(request, "sellers.shops_title"));
    auto search = ParseShopSearch(request);
    if (!search) {
      data.set("message", http_.Text(request, "sellers.shop_error." + search.error().code));
      search = ShopSearch{};
    }
    auto listed = http_.services.sellers.SearchShops(request.context().actor, *search);
    if (!listed) {
      data.set("message", http_.Text(request, "sellers.shop_error." + ProblemOf(listed.error()).code));
      search = ShopSearch{};
      listed = http_.services.sellers.SearchShops(request.context().actor, *search);
      if (!listed)
        return http_.renderer.ErrorPage(request, http::Status::forbidden, http_.ErrorText(request, "forbidden"));
    }
    html::List rows;
    for (const Shop& shop : listed->items) {
      html::Data row;
      row.set("id", std::to_string(shop.id.value));
      row.set("name", shop.name);
      row.set("owner_id", std::to_string(shop.owner.value));
      row.set("city", shop.city);
      row.set("status", std::string(ShopStatusName(shop.status)));
      row.set("status_label", StatusLabel(request, shop.status));
      row.set("created_on", core::LocalDate(shop.created_at));
      rows.push_back(row);
    }
    data.set("shops", rows);
    data.set("empty", html::Data(listed->items.empty()));
    data.set("total", core::FormatCount(listed->total));
    data.set("q", search->text);
    html::List statuses;
    for (ShopStatus status : kStatuses) {
      html::Data option;
      option.set("value", std::string(ShopStatusName(status)));
      option.set("label", StatusLabel(request, status));
      option.set("selected", html::Data(search->status == status));
      statuses.push_back(option);
    }
    data.set("statuses", statuses);
    std::string filter = "q=" + http::PercentEncode(search->text) + "&";
    if (search->status) filter += "status=" + std::string(ShopStatusName(*search->status)) + "&";
    data.set("filter_query", filter);
    html::SetPageNumbers(data, listed->page, listed->per_page, listed->total);
    return http_.renderer.Page(request, "sellers/admin_shops", std::move(data));
  }

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    std::string notice;
    if (request.Query("suspended")) notice = http_.Text(request, "sellers.shop_suspended_notice");
    if (request.Query("unsuspended")) notice = http_.Text(request, "sellers.shop_unsuspended_notice");
    return Render(request, core::SellerId{*id}, {}, http::Status::ok, notice);
  }

  http::Response Change(http::Request& request, bool suspend) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    const core::SellerId shop{*id};
    const std::string reason(request.form().GetOr("reason"));
    const core::Actor& actor = request.context().actor;
    auto changed = suspend ? http_.services.catalog.SuspendShop(actor, shop, reason)
                           : http_.services.catalog.UnsuspendShop(actor, shop, reason);
    if (!changed) {
      const http::ApiProblem problem = ProblemOf(changed.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      return Render(request, shop, problem, problem.status, "");
    }
    http_.ForgetListingPages();
    return http::Response::Redirect("/admin/shops/" + std::to_string(shop.value) +
                                    (suspend ? "?suspended=1" : "?unsuspended=1"));
  }

 private:
  std::string StatusLabel(const http::Request& request, ShopStatus status) const {
    return http_.Text(request, "sellers.shop_status_" + std::string(ShopStatusName(status)));
  }

  http::Response Render(const http::Request& request, core::SellerId id, const http::ApiProblem& problem,
                        http::Status status, const std::string& notice) const {
    auto shop = http_.services.sellers.ShopForAdmin(request.context().actor, id);
    if (!shop) {
      if (shop.error() == ShopAdminError::shop_not_found) return http_.renderer.NotFound(request);
      return http_.renderer.ErrorPage(request, http::Status::forbidden, http_.ErrorText(request, "forbidden"));
    }
    html::Data data;
    data.set("title", shop->name);
    if (!notice.empty()) data.set("notice", notice);
    if (!problem.code.empty()) data.set("message", http_.Text(request, "sellers.shop_error." + problem.code));
    data.set("id", std::to_string(shop->id.value));
    data.set("name", shop->name);
    data.set("description", shop->description);
    data.set("owner_id", std::to_string(shop->owner.value));
    data.set("phone", shop->phone);
    data.set("city", shop->city);
    data.set("status", std::string(ShopStatusName(shop->status)));
    data.set("status_label", StatusLabel(request, shop->status));
    data.set("created_on", core::LocalDateTime(shop->created_at));
    data.set("logo_url", shop->logo_url.empty() ? html::Data(false) : html::Data(shop->logo_url));
    const catalog::ShopListingCounts listings = http_.services.catalog.CountShopListings(shop->id);
    data.set("active_listings", core::FormatCount(listings.active));
    data.set("all_listings", core::FormatCount(listings.all));
    data.set("courier_fee", core::FormatCount(shop->delivery.courier_fee_kpw));
    data.set("free_courier_from", shop->delivery.free_courier_from_kpw
                                      ? html::Data(core::FormatCount(*shop->delivery.free_courier_from_kpw))
                                      : html::Data(false));
    data.set("pickup_place",
             shop->delivery.pickup_offered ? html::Data(shop->delivery.pickup_place) : html::Data(false));
    const bool suspended = shop->status == ShopStatus::suspended;
    data.set("suspended", html::Data(suspended));
    data.set("can_suspend", html::Data(shop->status == ShopStatus::approved));
    if (suspended) {
      data.set("suspension_reason", shop->suspension_reason);
      data.set("suspended_at", shop->suspended_at ? core::LocalDateTime(*shop->suspended_at) : std::string());
      data.set("suspended_by", shop->suspended_by ? std::to_string(shop->suspended_by->value) : std::string());
    }
    data.set("public_page", html::Data(shop->status == ShopStatus::approved));
    html::List history;
    for (const audit::AuditRecord& record : http_.services.audit.ForSubject("shop", std::to_string(shop->id.value))) {
      html::Data row;
      row.set("at", core::LocalDateTime(record.created_at));
      row.set("admin_id", std::to_string(record.entry.admin.value));
      row.set("action", record.entry.action);
      row.set("before", record.entry.before);
      row.set("after", record.entry.after);
      row.set("reason", record.entry.reason);
      history.push_back(row);
    }
    data.set("history", history);
    data.set("no_history", html::Data(history.empty()));
    data.set("max_reason", std::to_string(kMaxSuspensionReason));
    return http_.renderer.Page(request, "sellers/admin_shop", std::move(data), status);
  }

  SellersHttp http_;
};

}  // namespace

void AddShopAdminPages(http::Router& router, const SellersHttp& http) {
  auto pages = std::make_shared<const AdminShopPages>(http);
  router.Get(
      "/admin/shops", [pages](http::Request& request) { return pages->List(request); }, kAdminPage);
  router.Get(
      "/admin/shops/:id", [pages](http::Request& request) { return pages->Show(request); }, kAdminPage);
  router.Post(
      "/admin/shops/:id/suspend", [pages](http::Request& request) { return pages->Change(request, true); }, kAdminPage);
  router.Post(
      "/admin/shops/:id/unsuspend", [pages](http::Request& request) { return pages->Change(request, false); },
      kAdminPage);
}

}  // namespace manmulsang::sellers
