#pragma once

#include "manmulsang/accounts/accounts.hpp"

namespace manmulsang::app {

struct MarketplaceServices;

// What closing an account needs from the modules that accounts does not depend on, read through
// their services: refused while the member has an order as a buyer that is not yet confirmed,
// cancelled or returned (orders_in_progress), money in the wallet (wallet_not_empty), a shop that
// is pending, approved or suspended (shop_open) or an open payout request (payout_pending); the
// address book is erased, and the member's name in conversations with shops becomes
// accounts::kClosedMemberName in the close's own transaction (the messages stay). Orders and ledger entries stay: they belong to the shop's and the
// marketplace's records too. MarketplaceServices gives these to AccountService when it is built.
accounts::AccountClosingHooks AccountClosing(MarketplaceServices& services);

}  // namespace manmulsang::app
