// /seller/apply and /seller/application: the application form and the applicant's status view.
// No JavaScript; the form carries _csrf. A refused form comes back with the typed values and the
// reason; nothing is written.

#include "manmulsang/http/form.hpp"
#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

class ApplicationPages {
 public:
  explicit ApplicationPages(const SellersHttp& http) : http_(http) {}

  http::Response ShowForm(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/apply");
    // Someone with an application waiting, or a shop already, sees where it stands instead.
    auto current = http_.services.applications.Current(request.context().actor);
    if (current && current->status != ShopStatus::rejected) return http::Response::Redirect("/seller/application");
    return RenderForm(request, {}, {}, http::Status::ok);
  }

  http::Response Submit(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/apply");
    const http::Form& form = request.form();
    Application application{std::string(form.GetOr("shop_name")), std::string(form.GetOr("description")),
                            std::string(form.GetOr("phone")), std::string(form.GetOr("city"))};
    // The fields first, so a refused form leaves no logo file behind; then the logo's file, before
    // the row that names it.
    if (auto allowed = http_.services.applications.CanApply(request.context().actor, application); !allowed) {
      const http::ApiProblem problem = ProblemOf(allowed.error());
      return RenderForm(request, application, problem, problem.status);
    }
    auto logo = media::StoreOptionalUploadedImages(request, "logo", 1, http_.services.media);
    if (!logo) {
      http::ApiProblem problem = logo.error();
      problem.field = "logo";
      return RenderForm(request, application, problem, problem.status,
                        http_.Text(request, media::UploadMessageKey(problem.code)));
    }
    if (!logo->empty()) application.logo_url = logo->front().list_url;
    auto shop = http_.services.applications.Apply(request.context().actor, application);
    if (!shop) {
      const http::ApiProblem problem = ProblemOf(shop.error());
      return RenderForm(request, application, problem, problem.status);
    }
    return http::Response::Redirect("/seller/application?applied=1");
  }

  http::Response ShowStatus(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/application");
    auto current = http_.services.applications.Current(request.context().actor);
    if (!current) return http::Response::Redirect("/seller/apply");
    html::Data data;
    data.set("title", http_.Text(request, "sellers.status_title"));
    if (request.Query("applied")) data.set("notice", http_.Text(request, "sellers.applied"));
    data.set("shop_id", std::to_string(current->id.value));
    data.set("shop_name", current->name);
    data.set("city", current->city);
    data.set("phone", current->phone);
    data.set("description", current->description);
    data.set("logo_url", current->logo_url.empty() ? html::Data(false) : html::Data(current->logo_url));
    if (request.Query("logo")) data.set("notice", http_.Text(request, "sellers.logo_changed"));
    data.set("applied_on", core::LocalDate(current->created_at));
    data.set("status", std::string(ShopStatusName(current->status)));
    data.set("status_label", http_.Text(request, "sellers.status_" + std::string(ShopStatusName(current->status))));
    data.set("is_pending", html::Data(current->status == ShopStatus::pending));
    data.set("is_approved", html::Data(current->status == ShopStatus::approved));
    data.set("is_rejected", html::Data(current->status == ShopStatus::rejected));
    if (current->status == ShopStatus::rejected) data.set("rejection_reason", current->rejection_reason);
    // The owner reads why an admin suspended the shop (their orders are still theirs to handle).
    data.set("is_suspended", html::Data(current->status == ShopStatus::suspended));
    if (current->status == ShopStatus::suspended) data.set("suspension_reason", current->suspension_reason);
    return http_.renderer.Page(request, "sellers/application", std::move(data));
  }

 private:
  http::Response RenderForm(const http::Request& request, const Application& typed, const http::ApiProblem& problem,
                            http::Status status, std::string message = {}) const {
    html::Data data;
    data.set("title", http_.Text(request, "sellers.apply_title"));
    if (!problem.code.empty()) {
      data.set("message", message.empty() ? http_.ErrorText(request, problem.code) : std::move(message));
      if (!problem.field.empty()) data.set("error_" + problem.field, html::Data(true));
    }
    auto current = http_.services.applications.Current(request.context().actor);
    if (current && current->status == ShopStatus::rejected) data.set("rejection_reason", current->rejection_reason);
    data.set("shop_name", typed.shop_name);
    data.set("description", typed.description);
    data.set("phone", typed.phone);
    data.set("city", typed.city);
    data.set("max_shop_name", std::to_string(kMaxShopName));
    data.set("max_description", std::to_string(kMaxShopDescription));
    data.set("max_phone", std::to_string(kMaxPhone));
    data.set("max_city", std::to_string(kMaxCity));
    return http_.renderer.Page(request, "sellers/apply", std::move(data), status);
  }

  SellersHttp http_;
};

}  // namespace

void AddApplicationPages(http::Router& router, const SellersHttp& http) {
  auto pages = std::make_shared<const ApplicationPages>(http);
  // An applicant's own form and status: no cache keeps them.
  router.Get(
      "/seller/apply", [pages](http::Request& request) { return pages->ShowForm(request); }, kPrivatePage);
  router.Post(
      "/seller/apply", [pages](http::Request& request) { return pages->Submit(request); }, kLogoRoute);
  router.Get(
      "/seller/application", [pages](http::Request& request) { return pages->ShowStatus(request); }, kPrivatePage);
}

}  // namespace manmulsang::sellers
