// The coupons' pages (docs/BUYING.md §10): a member's coupons, "쿠폰 받기" for a shop's goods, the
// shop's coupons for its owner and the marketplace's for admins. Plain forms, no JavaScript.

#include <memory>

#include "coupons_http.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"

namespace manmulsang::coupons {
namespace {

std::optional<std::int64_t> ParseNumber(std::string_view typed) {
  std::int64_t value = 0;
  int digits = 0;
  for (char c : typed) {
    if (c == ',' || c == ' ') continue;
    if (c < '0' || c > '9' || ++digits > 15) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  return value;
}

// Where a claim form sends the member back: a path on this site only.
std::string SafeBack(std::string_view back) {
  if (back.size() < 2 || back[0] != '/' || back[1] == '/' || back.find('\\') != std::string_view::npos) {
    return "/coupons";
  }
  return std::string(back);
}

class CouponPages {
 public:
  explicit CouponPages(const CouponHttp& http) : http_(http) {}

  http::Response Mine(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/coupons");
    const MyCoupons mine = http_.services.coupons.Mine(*request.context().actor.user);
    html::Data data;
    data.set("title", http_.Text(request, "coupons.mine_title"));
    data.set("usable", Claims(request, mine.usable));
    data.set("used", Claims(request, mine.used));
    data.set("expired", Claims(request, mine.expired));
    data.set("none_usable", html::Data(mine.usable.empty()));
    if (request.Query("claimed")) data.set("notice", http_.Text(request, "coupons.claimed"));
    return http_.renderer.Page(request, "coupons/my_coupons", std::move(data));
  }

  http::Response ShopCoupons(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    return RenderClaimable(request, core::SellerId{*id}, {}, http::Status::ok);
  }

  http::Response Take(http::Request& request) const {
    const std::string back = SafeBack(request.form().GetOr("back"));
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto claim = http_.services.coupons.ClaimCoupon(*request.context().actor.user, CouponId{*id});
    if (!claim) {
      const http::ApiProblem problem = ProblemOf(claim.error());
      return Message(request, http_.Text(request, "coupons.error." + problem.code), problem.status, back);
    }
    return http::Response::Redirect(back + (back.find('?') == std::string::npos ? "?" : "&") + "claimed=1");
  }

  http::Response SellerList(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/coupons");
    return RenderSeller(request, {}, http::Status::ok, {});
  }

  http::Response SellerCreate(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/coupons");
    const http::Form& form = request.form();
    auto coupon = NewCouponFromForm(form);
    if (!coupon) return RenderSeller(request, coupon.error(), coupon.error().status, form);
    auto created = http_.services.coupons.CreateShopCoupon(request.context().actor, std::nullopt, *coupon);
    if (!created && created.error() == CouponError::coupon_not_found) return http_.renderer.NotFound(request);
    if (!created) {
      const http::ApiProblem problem = ProblemOf(created.error());
      return RenderSeller(request, problem, problem.status, form);
    }
    return http::Response::Redirect("/seller/coupons?created=" + std::to_string(created->id.value));
  }

  http::Response SellerStop(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/coupons");
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id || !http_.services.coupons.StopShopCoupon(request.context().actor, CouponId{*id})) {
      return http_.renderer.NotFound(request);
    }
    return http::Response::Redirect("/seller/coupons?stopped=" + std::to_string(*id));
  }

  http::Response AdminList(http::Request& request) const { return RenderAdmin(request, {}, http::Status::ok, {}); }

  http::Response AdminCreate(http::Request& request) const {
    const http::Form& form = request.form();
    auto coupon = NewCouponFromForm(form);
    if (!coupon) return RenderAdmin(request, coupon.error(), coupon.error().status, form);
    auto created = http_.services.coupons.CreateSiteCoupon(*request.context().actor.user, *coupon);
    if (!created) {
      const http::ApiProblem problem = ProblemOf(created.error());
      return RenderAdmin(request, problem, problem.status, form);
    }
    return http::Response::Redirect("/admin/coupons?created=" + std::to_string(created->id.value));
  }

  http::Response AdminStop(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id || !http_.services.coupons.StopSiteCoupon(*request.context().actor.user, CouponId{*id},
                                                      request.form().GetOr("reason"))) {
      return http_.renderer.NotFound(request);
    }
    return http::Response::Redirect("/admin/coupons?stopped=" + std::to_string(*id));
  }

 private:
  std::string Money(const http::Request& request, std::int64_t won) const {
    return core::FormatMoney({won, core::Currency::kpw}, core::LocaleCode(request.context().locale));
  }

  // "3,000원 할인" or "10% 할인 (최대 5,000원)", and the minimum order.
  html::Data CouponData(const http::Request& request, const Coupon& coupon) const {
    html::Data row;
    row.set("id", std::to_string(coupon.id.value));
    row.set("name", coupon.name);
    std::string value =
        coupon.kind == CouponKind::amount ? Money(request, coupon.amount) : std::to_string(coupon.percent) + "%";
    if (coupon.maximum_discount) {
      value += " (" + http_.Text(request, "coupons.up_to") + " " + Money(request, *coupon.maximum_discount) + ")";
    }
    row.set("value", value);
    row.set("site", html::Data(!coupon.issuer.has_value()));
    if (coupon.minimum_order > 0) row.set("minimum", Money(request, coupon.minimum_order));
    row.set("until", core::LocalDateTime(coupon.valid_until));
    row.set("claimed", core::FormatCount(coupon.claimed));
    row.set("used", core::FormatCount(coupon.used));
    row.set("limit", core::FormatCount(coupon.total_limit));
    row.set("active", html::Data(coupon.active));
    return row;
  }

  html::List Claims(const http::Request& request, const std::vector<coupons::Claim>& claims) const {
    html::List list;
    for (const coupons::Claim& claim : claims) {
      html::Data row = CouponData(request, claim.coupon);
      row.set("claim_id", std::to_string(claim.id.value));
      if (claim.used_order) row.set("order_id", std::to_string(claim.used_order->value));
      list.push_back(row);
    }
    return list;
  }

  http::Response RenderClaimable(const http::Request& request, core::SellerId shop, std::string message,
                                 http::Status status) const {
    html::Data data;
    data.set("title", http_.Text(request, "coupons.claim_title"));
    data.set("back", "/s/" + std::to_string(shop.value) + "/coupons");
    html::List coupons;
    for (const CouponService::Claimable& claimable :
         http_.services.coupons.ClaimableFor(request.context().actor.user, shop)) {
      html::Data row = CouponData(request, claimable.coupon);
      row.set("held", html::Data(claimable.claimed));
      coupons.push_back(row);
    }
    data.set("empty", html::Data(coupons.empty()));
    data.set("coupons", coupons);
    if (!message.empty()) data.set("message", message);
    if (request.Query("claimed")) data.set("notice", http_.Text(request, "coupons.claimed"));
    return http_.renderer.Page(request, "coupons/claim", std::move(data), status);
  }

  http::Response Message(const http::Request& request, std::string message, http::Status status,
                         const std::string& back) const {
    html::Data data;
    data.set("title", http_.Text(request, "coupons.claim_title"));
    data.set("message", std::move(message));
    data.set("back", back);
    return http_.renderer.Page(request, "coupons/claim_refused", std::move(data), status);
  }

  void FormData(html::Data& data, const http::ApiProblem& problem, const http::Request& request,
                const http::Form& typed) const {
    if (!problem.code.empty()) data.set("message", http_.Text(request, "coupons.error." + problem.code));
    for (const char* field :
         {"name", "amount", "percent", "maximum_discount", "minimum_order", "valid_days", "total_limit"}) {
      data.set(std::string("typed_") + field, std::string(typed.GetOr(field)));
    }
    data.set("percent_chosen", html::Data(typed.GetOr("kind") == "percent"));
    if (request.Query("created")) data.set("notice", http_.Text(request, "coupons.created"));
    if (request.Query("stopped")) data.set("notice", http_.Text(request, "coupons.stopped"));
  }

  http::Response RenderSeller(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                              const http::Form& typed) const {
    auto coupons = http_.services.coupons.ShopCoupons(request.context().actor, std::nullopt);
    if (!coupons) return http_.renderer.NotFound(request);
    html::Data data;
    data.set("title", http_.Text(request, "coupons.seller_title"));
    data.set("action", "/seller/coupons");
    FormData(data, problem, request, typed);
    html::List rows;
    for (const Coupon& coupon : *coupons) rows.push_back(CouponData(request, coupon));
    data.set("coupons", rows);
    data.set("empty", html::Data(rows.empty()));
    return http_.renderer.Page(request, "coupons/manage", std::move(data), status);
  }

  http::Response RenderAdmin(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                             const http::Form& typed) const {
    html::Data data;
    data.set("title", http_.Text(request, "coupons.admin_title"));
    data.set("action", "/admin/coupons");
    data.set("admin", html::Data(true));
    FormData(data, problem, request, typed);
    html::List rows;
    for (const Coupon& coupon : http_.services.coupons.SiteCoupons()) rows.push_back(CouponData(request, coupon));
    data.set("coupons", rows);
    data.set("empty", html::Data(rows.empty()));
    return http_.renderer.Page(request, "coupons/manage", std::move(data), status);
  }

  CouponHttp http_;
};

}  // namespace

std::expected<NewCoupon, http::ApiProblem> NewCouponFromForm(const http::Form& form) {
  NewCoupon coupon;
  coupon.name = std::string(form.GetOr("name"));
  auto kind = ParseCouponKind(form.GetOr("kind"));
  if (!kind) return std::unexpected(ProblemOf(CouponError::invalid_kind));
  coupon.kind = *kind;
  if (coupon.kind == CouponKind::amount) {
    auto amount = ParseNumber(form.GetOr("amount"));
    if (!amount) return std::unexpected(ProblemOf(CouponError::invalid_amount));
    coupon.amount = *amount;
  } else {
    auto percent = ParseNumber(form.GetOr("percent"));
    if (!percent || *percent > 100) return std::unexpected(ProblemOf(CouponError::invalid_percent));
    coupon.percent = static_cast<int>(*percent);
    if (!form.GetOr("maximum_discount").empty()) {
      auto maximum = ParseNumber(form.GetOr("maximum_discount"));
      if (!maximum) return std::unexpected(ProblemOf(CouponError::invalid_maximum));
      coupon.maximum_discount = *maximum;
    }
  }
  if (!form.GetOr("minimum_order").empty()) {
    auto minimum = ParseNumber(form.GetOr("minimum_order"));
    if (!minimum) return std::unexpected(ProblemOf(CouponError::invalid_minimum));
    coupon.minimum_order = *minimum;
  }
  auto days = ParseNumber(form.GetOr("valid_days"));
  if (!days || *days == 0) return std::unexpected(ProblemOf(CouponError::invalid_window));
  coupon.valid_days = *days;
  auto limit = ParseNumber(form.GetOr("total_limit"));
  if (!limit) return std::unexpected(ProblemOf(CouponError::invalid_limit));
  coupon.total_limit = *limit;
  return coupon;
}

void AddCouponPages(http::Router& router, const CouponHttp& http) {
  auto pages = std::make_shared<const CouponPages>(http);
  router.Get(
      "/coupons", [pages](http::Request& request) { return pages->Mine(request); }, kPrivatePage);
  router.Get(
      "/s/:id/coupons", [pages](http::Request& request) { return pages->ShopCoupons(request); }, kPrivatePage);
  router.Post(
      "/coupons/:id/claim", [pages](http::Request& request) { return pages->Take(request); }, kPrivateForm);
  router.Get(
      "/seller/coupons", [pages](http::Request& request) { return pages->SellerList(request); }, kPrivatePage);
  router.Post(
      "/seller/coupons", [pages](http::Request& request) { return pages->SellerCreate(request); }, kPrivateForm);
  router.Post(
      "/seller/coupons/:id/stop", [pages](http::Request& request) { return pages->SellerStop(request); }, kPrivateForm);
  router.Get(
      "/admin/coupons", [pages](http::Request& request) { return pages->AdminList(request); }, kAdminPage);
  router.Post(
      "/admin/coupons", [pages](http::Request& request) { return pages->AdminCreate(request); }, kAdminForm);
  router.Post(
      "/admin/coupons/:id/stop", [pages](http::Request& request) { return pages->AdminStop(request); }, kAdminForm);
}

}  // namespace manmulsang::coupons
