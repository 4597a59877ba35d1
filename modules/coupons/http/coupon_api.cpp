// The coupons' JSON API (docs/BUYING.md §10, docs/openapi.yaml).

#include <boost/json/array.hpp>
#include <memory>

#include "coupons_http.hpp"
#include "embedded/coupons_i18n.hpp"
#include "embedded/coupons_templates.hpp"

namespace manmulsang::coupons {

using Status = http::Status;

http::ApiProblem ProblemOf(CouponError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case CouponError::invalid_name:
      return {Status::bad_request, code, "name"};
    case CouponError::invalid_kind:
      return {Status::bad_request, code, "kind"};
    case CouponError::invalid_amount:
      return {Status::bad_request, code, "amount"};
    case CouponError::invalid_percent:
      return {Status::bad_request, code, "percent"};
    case CouponError::invalid_maximum:
      return {Status::bad_request, code, "maximum_discount"};
    case CouponError::invalid_minimum:
      return {Status::bad_request, code, "minimum_order"};
    case CouponError::invalid_currency:
      return {Status::bad_request, code, "currency"};
    case CouponError::invalid_window:
      return {Status::bad_request, code, "valid_days"};
    case CouponError::invalid_limit:
      return {Status::bad_request, code, "total_limit"};
    case CouponError::coupon_not_found:
    case CouponError::claim_not_found:
      return {Status::not_found, code, ""};
    case CouponError::sold_out:
    case CouponError::already_claimed:
    case CouponError::coupon_ended:
    case CouponError::below_minimum:
      return {Status::conflict, code, ""};
  }
  return {Status::bad_request, code, ""};
}

boost::json::object CouponJson(const Coupon& coupon) {
  return {{"id", coupon.id.value},
          {"issuer", coupon.issuer ? boost::json::value(coupon.issuer->value) : nullptr},
          {"name", coupon.name},
          {"kind", CouponKindName(coupon.kind)},
          {"amount", coupon.amount},
          {"percent", coupon.percent},
          {"maximum_discount", coupon.maximum_discount ? boost::json::value(*coupon.maximum_discount) : nullptr},
          {"minimum_order", coupon.minimum_order},
          {"currency", core::CurrencyCode(coupon.currency)},
          {"valid_from", core::FormatIso8601(coupon.valid_from)},
          {"valid_until", core::FormatIso8601(coupon.valid_until)},
          {"total_limit", coupon.total_limit},
          {"claimed", coupon.claimed},
          {"used", coupon.used},
          {"active", coupon.active}};
}

boost::json::object ClaimJson(const Claim& claim) {
  return {{"id", claim.id.value},
          {"coupon", CouponJson(claim.coupon)},
          {"claimed_at", core::FormatIso8601(claim.claimed_at)},
          {"used_order_id", claim.used_order ? boost::json::value(claim.used_order->value) : nullptr},
          {"used_at", claim.used_at ? boost::json::value(core::FormatIso8601(*claim.used_at)) : nullptr}};
}

std::expected<NewCoupon, http::ApiProblem> NewCouponFromJson(const boost::json::object& body) {
  NewCoupon coupon;
  auto name = http::StringField(body, "name", {"invalid_name"});
  if (!name) return std::unexpected(name.error());
  coupon.name = std::string(*name);
  auto kind_name = http::StringField(body, "kind", {"invalid_kind"});
  if (!kind_name) return std::unexpected(kind_name.error());
  auto kind = ParseCouponKind(*kind_name);
  if (!kind) return std::unexpected(ProblemOf(CouponError::invalid_kind));
  coupon.kind = *kind;
  const struct {
    std::string_view name;
    std::string_view code;
    std::int64_t* target;
  } numbers[] = {{"amount", "invalid_amount", &coupon.amount},
                 {"minimum_order", "invalid_minimum", &coupon.minimum_order},
                 {"valid_days", "invalid_window", &coupon.valid_days},
                 {"total_limit", "invalid_limit", &coupon.total_limit}};
  for (const auto& number : numbers) {
    auto value = http::OptionalInt64Field(body, number.name, {number.code});
    if (!value) return std::unexpected(value.error());
    if (*value) *number.target = **value;
  }
  auto percent = http::OptionalInt64Field(body, "percent", {"invalid_percent"});
  if (!percent) return std::unexpected(percent.error());
  if (*percent && (**percent < 0 || **percent > 100)) return std::unexpected(ProblemOf(CouponError::invalid_percent));
  if (*percent) coupon.percent = static_cast<int>(**percent);
  auto maximum = http::OptionalInt64Field(body, "maximum_discount", {"invalid_maximum"});
  if (!maximum) return std::unexpected(maximum.error());
  coupon.maximum_discount = *maximum;
  // A window is required: without valid_days the service would see an empty one.
  if (coupon.valid_days == 0) return std::unexpected(ProblemOf(CouponError::invalid_window));
  return coupon;
}

namespace {

std::optional<core::SellerId> ShopOf(const http::Request& request) {
  if (auto named = request.Query("shop_id")) {
    if (auto id = http::ParsePositiveId(*named)) return core::SellerId{*id};
    return core::SellerId{0};  // an id no shop has: not found
  }
  return std::nullopt;
}

class CouponApi {
 public:
  explicit CouponApi(const CouponHttp& http) : http_(http) {}

  http::Response Mine(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    const MyCoupons mine = http_.services.coupons.Mine(*request.context().actor.user);
    const auto list = [](const std::vector<coupons::Claim>& claims) {
      boost::json::array items;
      for (const coupons::Claim& claim : claims) items.push_back(ClaimJson(claim));
      return items;
    };
    return http::Response::Json(
        boost::json::object{{"usable", list(mine.usable)}, {"used", list(mine.used)}, {"expired", list(mine.expired)}});
  }

  http::Response Take(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, CouponError::coupon_not_found);
    auto claim = http_.services.coupons.ClaimCoupon(*request.context().actor.user, CouponId{*id});
    if (!claim) return http_.Error(request, claim.error());
    return http::Response::Json(ClaimJson(*claim), Status::created);
  }

  http::Response ProductCoupons(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    auto product = id ? http_.services.catalog.GetProduct(core::ProductId{*id})
                      : std::expected<catalog::Product, catalog::CatalogError>(
                            std::unexpected(catalog::CatalogError::product_not_found));
    if (!product) return http_.Error(request, http::ApiProblem{Status::not_found, "product_not_found", ""});
    boost::json::array items;
    for (const CouponService::Claimable& claimable :
         http_.services.coupons.ClaimableFor(request.context().actor.user, product->seller)) {
      items.push_back(boost::json::object{{"coupon", CouponJson(claimable.coupon)}, {"claimed", claimable.claimed}});
    }
    return http::Response::Json(boost::json::object{{"items", std::move(items)}});
  }

  http::Response SellerList(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto coupons = http_.services.coupons.ShopCoupons(request.context().actor, ShopOf(request));
    if (!coupons) return http_.Error(request, http::ApiProblem{Status::not_found, "shop_not_found", "shop_id"});
    return List(*coupons);
  }

  http::Response SellerCreate(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    auto shop_id = http::OptionalInt64Field(*body, "shop_id", {"shop_not_found"});
    if (!shop_id) return http_.Error(request, shop_id.error());
    auto coupon = NewCouponFromJson(*body);
    if (!coupon) return http_.Error(request, coupon.error());
    auto created = http_.services.coupons.CreateShopCoupon(
        request.context().actor, *shop_id ? std::optional(core::SellerId{**shop_id}) : std::nullopt, *coupon);
    if (!created && created.error() == CouponError::coupon_not_found) {
      return http_.Error(request, http::ApiProblem{Status::not_found, "shop_not_found", "shop_id"});
    }
    if (!created) return http_.Error(request, created.error());
    return http::Response::Json(CouponJson(*created), Status::created);
  }

  http::Response SellerStop(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, CouponError::coupon_not_found);
    auto stopped = http_.services.coupons.StopShopCoupon(request.context().actor, CouponId{*id});
    if (!stopped) return http_.Error(request, stopped.error());
    return http::Response::Json(CouponJson(*stopped));
  }

  http::Response AdminList(http::Request&) const { return List(http_.services.coupons.SiteCoupons()); }

  http::Response AdminCreate(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    auto coupon = NewCouponFromJson(*body);
    if (!coupon) return http_.Error(request, coupon.error());
    auto created = http_.services.coupons.CreateSiteCoupon(*request.context().actor.user, *coupon);
    if (!created) return http_.Error(request, created.error());
    return http::Response::Json(CouponJson(*created), Status::created);
  }

  http::Response AdminStop(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, CouponError::coupon_not_found);
    std::string reason;
    if (!request.body().empty()) {
      auto body = http::ParseJsonObject(request);
      if (!body) return http_.Error(request, body.error());
      auto given = http::OptionalStringField(*body, "reason", {"invalid_input"});
      if (!given) return http_.Error(request, given.error());
      if (*given) reason = std::string(**given);
    }
    auto stopped = http_.services.coupons.StopSiteCoupon(*request.context().actor.user, CouponId{*id}, reason);
    if (!stopped) return http_.Error(request, stopped.error());
    return http::Response::Json(CouponJson(*stopped));
  }

 private:
  http::Response Unauthenticated(const http::Request& request) const {
    return http_.Error(request, http::ApiProblem{Status::unauthorized, "unauthenticated", ""});
  }

  static http::Response List(const std::vector<Coupon>& coupons) {
    boost::json::array items;
    for (const Coupon& coupon : coupons) items.push_back(CouponJson(coupon));
    return http::Response::Json(boost::json::object{{"items", std::move(items)}});
  }

  CouponHttp http_;
};

}  // namespace

void AddCouponApi(http::Router& router, const CouponHttp& http) {
  auto api = std::make_shared<const CouponApi>(http);
  router.Get(
      "/api/v1/coupons", [api](http::Request& request) { return api->Mine(request); }, kPrivatePage);
  router.Post(
      "/api/v1/coupons/:id/claim", [api](http::Request& request) { return api->Take(request); }, kPrivateJson);
  router.Get(
      "/api/v1/products/:id/coupons", [api](http::Request& request) { return api->ProductCoupons(request); },
      kPrivatePage);
  router.Get(
      "/api/v1/seller/coupons", [api](http::Request& request) { return api->SellerList(request); }, kPrivatePage);
  router.Post(
      "/api/v1/seller/coupons", [api](http::Request& request) { return api->SellerCreate(request); }, kPrivateJson);
  router.Post(
      "/api/v1/seller/coupons/:id/stop", [api](http::Request& request) { return api->SellerStop(request); },
      kPrivateJson);
  router.Get(
      "/api/v1/admin/coupons", [api](http::Request& request) { return api->AdminList(request); }, kAdminPage);
  router.Post(
      "/api/v1/admin/coupons", [api](http::Request& request) { return api->AdminCreate(request); }, kAdminJson);
  router.Post(
      "/api/v1/admin/coupons/:id/stop", [api](http::Request& request) { return api->AdminStop(request); }, kAdminJson);
}

void AddCouponRoutes(http::Router& router, html::Renderer& renderer, const CouponHttpServices& services) {
  renderer.AddMessages(embedded::coupons_i18n());
  renderer.AddTemplates("coupons", embedded::coupons_templates());
  const CouponHttp http{renderer, services};
  AddCouponApi(router, http);
  AddCouponPages(router, http);
}

}  // namespace manmulsang::coupons
