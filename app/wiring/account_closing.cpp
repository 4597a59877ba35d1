#include "wiring/account_closing.hpp"

#include <algorithm>

#include "wiring/marketplace_services.hpp"

namespace manmulsang::app {
namespace {

constexpr int kOrdersPerRead = 100;

bool Finished(orders::OrderStatus status) {
  return status == orders::OrderStatus::confirmed || status == orders::OrderStatus::cancelled ||
         status == orders::OrderStatus::returned;
}

std::optional<accounts::AccountError> Refusal(MarketplaceServices& services, core::UserId member) {
  // Newest first: an order in progress is usually among the first page.
  for (int page = 1;; ++page) {
    const orders::OrderPage orders = services.orders.BuyerOrders(member, page, kOrdersPerRead);
    if (std::ranges::any_of(orders.items, [](const orders::Order& order) { return !Finished(order.status); })) {
      return accounts::AccountError::orders_in_progress;
    }
    if (orders.items.size() < static_cast<std::size_t>(kOrdersPerRead) ||
        static_cast<std::int64_t>(page) * kOrdersPerRead >= orders.total) {
      break;
    }
  }
  if (services.payments.WalletBalance(member).amount != 0) return accounts::AccountError::wallet_not_empty;
  const std::vector<sellers::Shop> shops = services.sellers.ShopsOwnedBy(member);
  if (std::ranges::any_of(shops,
                          [](const sellers::Shop& shop) { return shop.status != sellers::ShopStatus::rejected; })) {
    return accounts::AccountError::shop_open;
  }
  const std::vector<payments::Payout> payouts = services.payments.PayoutsOf(payments::PayoutOwner::Member(member));
  if (std::ranges::any_of(payouts, [](const payments::Payout& payout) { return payout.open(); })) {
    return accounts::AccountError::payout_pending;
  }
  return std::nullopt;
}

void ErasePersonalData(MarketplaceServices& services, core::UserId member) {
  // Each removal is its own transaction and removing a removed address changes nothing, so a
  // close that stops half-way is finished by the member's next try.
  for (const orders::Address& address : services.addresses.List(member)) {
    (void)services.addresses.Remove(member, address.id);
  }
}

}  // namespace

accounts::AccountClosingHooks AccountClosing(MarketplaceServices& services) {
  return {.refusal = [&services](core::UserId member) { return Refusal(services, member); },
          .erase_personal_data = [&services](core::UserId member) { ErasePersonalData(services, member); },
          .anonymise_in_close =
              [&services](db::Connection& connection, core::UserId member) {
                services.messages.ForgetBuyerName(connection, member, accounts::kClosedMemberName);
              }};
}

}  // namespace manmulsang::app
