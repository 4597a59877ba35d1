#pragma once

// A real store with every module a review touches, and orders taken to any status through the
// real checkout and lifecycle, for the reviews tests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::reviews {

// The whole marketplace, wired as the server wires it (with the search index: a rating must reach
// the listings that searches sort by).
class ReviewsTest : public testing::MarketplaceTestFixture {
 protected:
  // buyer orders one of product (paid from the wallet) and the order is moved to status.
  core::OrderId Bought(core::UserId buyer, core::ProductId product, core::UserId shop_owner,
                       orders::OrderStatus status = orders::OrderStatus::delivered) {
    const core::OrderId order = store_.PlaceOrder(buyer, product);
    const core::Actor seller = Seller(shop_owner);
    using enum orders::OrderStatus;
    const auto move = [&](const core::Actor& actor, orders::OrderEvent event) {
      auto moved = orders_.Apply(actor, order, event);
      EXPECT_TRUE(moved.has_value()) << orders::OrderEventName(event);
    };
    if (status == paid) return order;
    move(seller, orders::OrderEvent::prepare);
    if (status == preparing) return order;
    move(seller, orders::OrderEvent::ship);
    if (status == shipped) return order;
    move(seller, orders::OrderEvent::deliver);
    if (status == delivered) return order;
    if (status == return_requested) {
      move(Buyer(buyer), orders::OrderEvent::request_return);
      return order;
    }
    move(Buyer(buyer), orders::OrderEvent::confirm);
    return order;
  }

  catalog::Product Listing(core::ProductId product) { return catalog_.GetProduct(product).value(); }

  static constexpr core::UserId kAdmin = testing::TestMarketplace::kAdmin;
  static constexpr core::UserId kOwner{2};       // owns shop_
  static constexpr core::UserId kOtherOwner{3};  // owns other_shop_
  static constexpr core::UserId kBuyer{100};
  static constexpr core::UserId kOtherBuyer{101};

  core::SellerId shop_ = store_.AddShop(kOwner, "상점");
  core::SellerId other_shop_ = store_.AddShop(kOtherOwner, "다른 상점");
  core::ProductId product_ = store_.AddListing(shop_, 5'000);
  core::ProductId other_product_ = store_.AddListing(other_shop_, 5'000);
};

}  // namespace manmulsang::reviews
