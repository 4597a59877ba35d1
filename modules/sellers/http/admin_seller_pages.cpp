// /admin/sellers: the pending applications, oldest first, each with an approve form and a reject
// form that needs a reason. No JavaScript; forms carry _csrf. The service checks the admin again.

#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

class AdminSellerPages {
 public:
  explicit AdminSellerPages(const SellersHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    std::string notice;
    if (request.Query("approved")) notice = http_.Text(request, "sellers.approved_notice");
    if (request.Query("rejected")) notice = http_.Text(request, "sellers.rejected_notice");
    return Render(request, {}, http::Status::ok, notice);
  }

  http::Response Approve(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto approved = http_.services.applications.Approve(request.context().actor, core::SellerId{*id});
    if (!approved) return After(request, approved.error());
    http_.ForgetShopPage(approved->id);
    return http::Response::Redirect("/admin/sellers?approved=" + std::to_string(approved->id.value));
  }

  http::Response Reject(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto rejected = http_.services.applications.Reject(request.context().actor, core::SellerId{*id},
                                                       request.form().GetOr("reason"));
    if (!rejected) return After(request, rejected.error());
    return http::Response::Redirect("/admin/sellers?rejected=" + std::to_string(rejected->id.value));
  }

 private:
  http::Response After(const http::Request& request, ApplicationError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
    return Render(request, problem, problem.status, "");
  }

  http::Response Render(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                        const std::string& notice) const {
    const auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto listed =
        http_.services.applications.List(request.context().actor, ShopStatus::pending, page.page, page.per_page);
    if (!listed) {
      const http::ApiProblem refusal = ProblemOf(listed.error());
      return http_.renderer.ErrorPage(request, refusal.status, http_.ErrorText(request, refusal.code));
    }
    html::Data data;
    data.set("title", http_.Text(request, "sellers.admin_title"));
    if (!notice.empty()) data.set("notice", notice);
    if (!problem.code.empty()) data.set("message", http_.ErrorText(request, problem.code));
    html::List items;
    for (const Shop& shop : listed->items) {
      html::Data row;
      row.set("id", std::to_string(shop.id.value));
      row.set("name", shop.name);
      row.set("owner_id", std::to_string(shop.owner.value));
      row.set("city", shop.city);
      row.set("phone", shop.phone);
      row.set("description", shop.description);
      row.set("logo_url", shop.logo_url.empty() ? html::Data(false) : html::Data(shop.logo_url));
      row.set("applied_on", core::LocalDate(shop.created_at));
      items.push_back(row);
    }
    data.set("applications", items);
    data.set("empty", html::Data(listed->items.empty()));
    data.set("total", std::to_string(listed->total));
    html::SetPageNumbers(data, listed->page, listed->per_page, listed->total);
    data.set("max_reason", std::to_string(kMaxRejectionReason));
    return http_.renderer.Page(request, "sellers/admin_sellers", std::move(data), status);
  }

  SellersHttp http_;
};

}  // namespace

void AddAdminSellerPages(http::Router& router, const SellersHttp& http) {
  auto pages = std::make_shared<const AdminSellerPages>(http);
  router.Get(
      "/admin/sellers", [pages](http::Request& request) { return pages->Show(request); }, kAdminForm);
  router.Post(
      "/admin/sellers/:id/approve", [pages](http::Request& request) { return pages->Approve(request); }, kAdminForm);
  router.Post(
      "/admin/sellers/:id/reject", [pages](http::Request& request) { return pages->Reject(request); }, kAdminForm);
}

}  // namespace manmulsang::sellers
