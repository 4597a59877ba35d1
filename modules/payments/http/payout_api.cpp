// The payouts' JSON twins: the seller's and the member's requests, and the admin's queue and moves.

#include <boost/json/array.hpp>
#include <memory>

#include "money_http.hpp"

namespace manmulsang::payments {
namespace {

class PayoutApi {
 public:
  explicit PayoutApi(const MoneyHttp& http) : http_(http) {}

  http::Response ShopList(http::Request& request) const {
    auto owner = Shop(request, std::nullopt);
    if (!owner) return owner.error();
    return List(*owner, "shop_id");
  }
  http::Response WalletList(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    return List(PayoutOwner::Member(*request.context().actor.user), "");
  }
  http::Response ShopRequest(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    auto shop_id = http::OptionalInt64Field(*body, "shop_id", {"shop_not_found"});
    if (!shop_id) return http_.Error(request, shop_id.error());
    auto owner = Shop(request, *shop_id);
    if (!owner) return owner.error();
    return Request(request, *body, *owner);
  }
  http::Response WalletRequest(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    return Request(request, *body, PayoutOwner::Member(*request.context().actor.user));
  }

  http::Response AdminList(http::Request& request) const {
    PayoutFilter filter;
    if (auto named = request.Query("status")) {
      filter.status = ParsePayoutStatus(*named);
      if (!filter.status) {
        return http_.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_status", "status"});
      }
    }
    auto page = http::ParseListPage(request, 50);
    if (!page) return http_.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    filter.page = page->page;
    filter.per_page = page->per_page;
    const PayoutPage listed = http_.services.payments.Payouts(filter);
    boost::json::array items;
    for (const Payout& payout : listed.items) items.push_back(PayoutJson(payout));
    return http::Response::Json(boost::json::object{
        {"items", std::move(items)}, {"total", listed.total}, {"page", listed.page}, {"per_page", listed.per_page}});
  }

  http::Response Approve(http::Request& request) const {
    return Decide(
        request, [&](PayoutId id) { return http_.services.payments.ApprovePayout(*request.context().actor.user, id); });
  }
  http::Response Pay(http::Request& request) const {
    return Decide(request, [&](PayoutId id) {
      return http_.services.payments.MarkPayoutPaid(*request.context().actor.user, id);
    });
  }
  http::Response Reject(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, PaymentError::payout_not_found);
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    auto reason = http::StringField(*body, "reason", {"reason_required"});
    if (!reason) return http_.Error(request, reason.error());
    auto rejected = http_.services.payments.RejectPayout(*request.context().actor.user, PayoutId{*id}, *reason);
    if (!rejected) return http_.Error(request, rejected.error());
    return http::Response::Json(PayoutJson(*rejected));
  }

 private:
  http::Response Unauthenticated(const http::Request& request) const {
    return http_.Error(request, http::ApiProblem{http::Status::unauthorized, "unauthenticated", ""});
  }

  // The actor's own shop (the one named, or their oldest); 404 for anyone else's.
  std::expected<PayoutOwner, http::Response> Shop(const http::Request& request,
                                                  std::optional<std::int64_t> shop_id) const {
    if (!request.context().actor.signed_in()) return std::unexpected(Unauthenticated(request));
    if (!shop_id) {
      if (auto named = request.Query("shop_id")) {
        auto parsed = http::ParsePositiveId(*named);
        if (!parsed) {
          return std::unexpected(
              http_.Error(request, http::ApiProblem{http::Status::not_found, "shop_not_found", "shop_id"}));
        }
        shop_id = *parsed;
      }
    }
    auto shop = http_.services.sellers.OwnShop(request.context().actor,
                                               shop_id ? std::optional(core::SellerId{*shop_id}) : std::nullopt);
    if (!shop) {
      return std::unexpected(
          http_.Error(request, http::ApiProblem{http::Status::not_found, "shop_not_found", "shop_id"}));
    }
    return PayoutOwner::Shop(shop->id);
  }

  http::Response List(PayoutOwner owner, std::string_view id_name) const {
    boost::json::array items;
    for (const Payout& payout : http_.services.payments.PayoutsOf(owner)) items.push_back(PayoutJson(payout));
    boost::json::object json{{"balance", MoneyJson(http_.services.payments.PayoutBalance(owner))},
                             {"minimum", MoneyJson(kMinPayout)},
                             {"items", std::move(items)}};
    if (!id_name.empty()) json[id_name] = owner.id;
    return http::Response::Json(std::move(json));
  }

  http::Response Request(const http::Request& request, const boost::json::object& body, PayoutOwner owner) const {
    auto parsed = PayoutRequestFromJson(body);
    if (!parsed) return http_.Error(request, parsed.error());
    auto payout = http_.services.payments.RequestPayout(owner, *request.context().actor.user, *parsed);
    if (!payout) return http_.Error(request, payout.error());
    return http::Response::Json(PayoutJson(*payout), http::Status::created);
  }

  template <typename Move>
  http::Response Decide(const http::Request& request, Move move) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.Error(request, PaymentError::payout_not_found);
    auto decided = move(PayoutId{*id});
    if (!decided) return http_.Error(request, decided.error());
    return http::Response::Json(PayoutJson(*decided));
  }

  MoneyHttp http_;
};

}  // namespace

void AddPayoutApi(http::Router& router, const MoneyHttp& http) {
  auto api = std::make_shared<const PayoutApi>(http);
  router.Get(
      "/api/v1/seller/payouts", [api](http::Request& request) { return api->ShopList(request); }, kPrivatePage);
  router.Post(
      "/api/v1/seller/payouts", [api](http::Request& request) { return api->ShopRequest(request); }, kPrivateJson);
  router.Get(
      "/api/v1/wallet/payouts", [api](http::Request& request) { return api->WalletList(request); }, kPrivatePage);
  router.Post(
      "/api/v1/wallet/payouts", [api](http::Request& request) { return api->WalletRequest(request); }, kPrivateJson);
  router.Get(
      "/api/v1/admin/payouts", [api](http::Request& request) { return api->AdminList(request); }, kAdminPage);
  router.Post(
      "/api/v1/admin/payouts/:id/approve", [api](http::Request& request) { return api->Approve(request); }, kAdminJson);
  router.Post(
      "/api/v1/admin/payouts/:id/pay", [api](http::Request& request) { return api->Pay(request); }, kAdminJson);
  router.Post(
      "/api/v1/admin/payouts/:id/reject", [api](http::Request& request) { return api->Reject(request); }, kAdminJson);
}

}  // namespace manmulsang::payments
