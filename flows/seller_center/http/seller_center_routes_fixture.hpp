#pragma once

// The seller center's routes as the server runs them, minus the socket, over a real store with
// every module the dashboard reads, and orders placed through the real checkout.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/seller_center/http/seller_center_routes.hpp"
#include "marketplace_test_fixture.hpp"
#include "route_test_fixture.hpp"

namespace manmulsang::seller_center {

// The whole marketplace, its clock at 2026-11-26 12:00 in the marketplace's zone (UTC+9).
class SellerCenterTest : public testing::MarketplaceTestFixture, public testing::RouteTestFixture {
 protected:
  SellerCenterTest() : MarketplaceTestFixture({.start = core::FromUnixSeconds(1'795'662'000)}) {
    AddSellerCenterRoutes(router_, renderer_, {center_});
  }

  static std::string Who(core::UserId user, std::string_view role = "seller") {
    return RouteTestFixture::Who(user, role);
  }

  static constexpr core::UserId kOwner{2};
  static constexpr core::UserId kOtherOwner{3};
  static constexpr core::UserId kPendingMember{4};
  static constexpr core::UserId kRejectedMember{5};
  static constexpr core::UserId kMember{6};  // never applied
  static constexpr core::UserId kBuyer{100};

  SellerCenter center_{sellers_, catalog_, orders_, payments_, analytics_, questions_};
  core::SellerId shop_ = store_.AddShop(kOwner, "만물 상회");
  core::SellerId other_shop_ = store_.AddShop(kOtherOwner, "다른 상점");
  core::ProductId product_ = store_.AddListing(shop_, 12'000);
  core::ProductId other_product_ = store_.AddListing(other_shop_, 7'000);
};

}  // namespace manmulsang::seller_center
