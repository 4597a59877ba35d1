#pragma once

// The store every listing test stands on: the whole test marketplace (a real store, the services
// wired as the server wires them) and the shops that own the listings.

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::catalog {

class ListingTestStore : public ::testing::Test {
 protected:
  // Two approved shops owned by users 1 and 2 and, unless `with_pending` is false, user 3's shop
  // still waiting for approval (which may not list).
  std::vector<core::SellerId> InsertShops(bool with_pending = true) {
    std::vector<sellers::NewShop> shops = {
        {core::UserId{1}, "평양 옷가게", "", "평양", sellers::ShopStatus::approved},
        {core::UserId{2}, "남포 상점", "", "남포", sellers::ShopStatus::approved},
    };
    if (with_pending) shops.push_back({core::UserId{3}, "신청 중", "", "원산", sellers::ShopStatus::pending});
    return sellers_.InsertShops(shops);
  }

  // A signed-in seller: whether they own a shop is the store's business, not the actor's.
  static core::Actor Member(std::int64_t user) {
    core::Actor actor;
    actor.user = core::UserId{user};
    actor.role = core::Role::seller;
    return actor;
  }

  manmulsang::testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  sellers::SellerService& sellers_ = store_.services().sellers;
  search::SearchService& search_ = store_.services().search;
  CatalogService& catalog_ = store_.services().catalog;
  ListingService& listings_ = store_.services().listings;
};

}  // namespace manmulsang::catalog
