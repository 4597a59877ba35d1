// The shop's payout ledger for its owner (docs/BUYING.md §3b):
//   GET /api/v1/seller/ledger[?shop_id=&page=&per_page=]
//   → {shop_id, balance, items: [{transfer_id, kind, order_id, gross, fee, net, created_at}], total, page, per_page}
// Without shop_id: the actor's oldest shop. Someone else's shop, or none: 404 shop_not_found.

#include <boost/json/array.hpp>

#include "buying_http.hpp"

namespace manmulsang::orders {
namespace {

boost::json::object EntryJson(const payments::WalletEntry& entry) {
  boost::json::object json{{"transfer_id", entry.transfer.value},
                           {"kind", payments::TransferKindName(entry.kind)},
                           {"order_id", nullptr},
                           {"net", MoneyJson(entry.amount)},
                           {"created_at", core::FormatIso8601(entry.created_at)}};
  if (entry.order) json["order_id"] = entry.order->value;
  // A release says what the order paid and what the platform kept; other kinds have neither.
  if (entry.kind == payments::TransferKind::release) {
    json["gross"] = MoneyJson(entry.gross);
    json["fee"] = MoneyJson(entry.fee);
  }
  return json;
}

http::Response Ledger(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  std::optional<core::SellerId> shop_id;
  if (auto text = request.Query("shop_id"); text && !text->empty()) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return http.Error(request, sellers::SellerError::shop_not_found);
    shop_id = core::SellerId{*id};
  }
  auto shop = http.services.sellers.OwnShop(request.context().actor, shop_id);
  if (!shop) return http.Error(request, shop.error());
  const payments::WalletStatement statement =
      http.services.payments.SellerStatement(shop->id, page->page, page->per_page);
  boost::json::array items;
  for (const payments::WalletEntry& entry : statement.entries) items.push_back(EntryJson(entry));
  return http::Response::Json(boost::json::object{{"shop_id", shop->id.value},
                                                  {"balance", MoneyJson(statement.balance.amount)},
                                                  {"items", std::move(items)},
                                                  {"total", statement.total},
                                                  {"page", statement.page},
                                                  {"per_page", statement.per_page}});
}

}  // namespace

void AddSellerLedgerApi(http::Router& router, const BuyingHttp& http) {
  router.Get(
      "/api/v1/seller/ledger", [http](http::Request& request) { return Ledger(http, request); }, kNoStore);
}

}  // namespace manmulsang::orders
