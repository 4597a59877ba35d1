#pragma once

// The whole marketplace, wired as the server wires it, with two shops, a listing each and
// members to write between them, for the messages tests.

#include <gtest/gtest.h>

#include "manmulsang/messages/messages.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::messages {

class MessagesTest : public testing::MarketplaceTestFixture {
 protected:
  static NewMessage Text(std::string body) { return NewMessage{std::move(body), {}}; }

  // The buyer's order of product_ and its conversation with the shop, with a first message.
  Posted OrderConversation(core::UserId buyer = kBuyer) {
    const core::OrderId order = store_.PlaceOrder(buyer, product_);
    auto posted = messages_.Start(Buyer(buyer), {.order = order}, Text("배송은 언제 되나요?"));
    EXPECT_TRUE(posted.has_value());
    return *posted;
  }

  std::int64_t Messages() { return Count("SELECT COUNT(*) FROM messages"); }

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

}  // namespace manmulsang::messages
