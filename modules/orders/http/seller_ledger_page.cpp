// /seller/ledger: the shop's wallet balance and its entries, newest first — each release with
// its order, what the order paid (gross), the platform's fee and what the shop got (net).
// Someone without a shop gets the not-found page.

#include "buying_pages.hpp"

namespace manmulsang::orders {
namespace {

class SellerLedgerPage : BuyingPages {
 public:
  explicit SellerLedgerPage(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response Show(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/ledger");
    auto shop = http.services.sellers.OwnShop(request.context().actor, std::nullopt);
    if (!shop) return http.renderer.NotFound(request);
    auto page = http::ParseListPage(request);
    if (!page) page = http::ListPage{};
    const payments::WalletStatement statement =
        http.services.payments.SellerStatement(shop->id, page->page, page->per_page);
    html::Data data;
    data.set("title", Text(request, "orders.seller.ledger_title"));
    data.set("shop_name", shop->name);
    data.set("balance", Money(request, statement.balance));
    html::List entries;
    for (const payments::WalletEntry& entry : statement.entries) {
      html::Data row;
      row.set("kind", Text(request, "orders.transfer." + std::string(payments::TransferKindName(entry.kind))));
      row.set("at", core::FormatIso8601(entry.created_at));
      row.set("at_text", html::DateTimeText(entry.created_at));
      row.set("net", Money(request, entry.amount));
      if (entry.kind == payments::TransferKind::release) {
        row.set("gross", Money(request, entry.gross));
        row.set("fee", Money(request, entry.fee));
      }
      if (entry.order) row.set("order_id", std::to_string(entry.order->value));
      entries.push_back(row);
    }
    data.set("entries", entries);
    data.set("empty", html::Data(statement.entries.empty()));
    html::SetPageNumbers(data, statement.page, statement.per_page, statement.total);
    return Page(request, "orders/seller_ledger", std::move(data));
  }
};

}  // namespace

void AddSellerLedgerPage(http::Router& router, const BuyingHttp& http) {
  auto page = std::make_shared<const SellerLedgerPage>(http);
  router.Get(
      "/seller/ledger", [page](http::Request& request) { return page->Show(request); }, kNoStore);
}

}  // namespace manmulsang::orders
