// Closing an account over the whole marketplace: what the other modules hold refuses it, and a
// member with nothing open leaves no address behind, nor their name in a conversation with a shop.
#include <gtest/gtest.h>

#include "test_marketplace.hpp"

namespace manmulsang::app {
namespace {

constexpr std::string_view kPassword = "correct horse battery";

class AccountClosingTest : public ::testing::Test {
 protected:
  core::UserId Member(std::string email) {
    auto user =
        services().accounts.Register({.email = std::move(email), .password = std::string(kPassword), .name = "박민수"});
    EXPECT_TRUE(user);
    return user->id;
  }

  MarketplaceServices& services() { return marketplace_.services(); }

  testing::TestMarketplace marketplace_;
};

TEST_F(AccountClosingTest, AnOrderInProgressRefusesIt) {
  const core::UserId buyer = Member("buyer@example.com");
  const core::SellerId shop = marketplace_.AddShop(Member("seller@example.com"), "평양상점");
  marketplace_.PlaceOrder(buyer, marketplace_.AddListing(shop, 5'000));
  EXPECT_EQ(services().accounts.CloseAccount(buyer, kPassword).error(), accounts::AccountError::orders_in_progress);
  EXPECT_EQ(services().accounts.FindUser(buyer)->email, "buyer@example.com");
}

TEST_F(AccountClosingTest, MoneyInTheWalletRefusesIt) {
  const core::UserId member = Member("wallet@example.com");
  marketplace_.TopUp(member, 3'000);
  EXPECT_EQ(services().accounts.CloseAccount(member, kPassword).error(), accounts::AccountError::wallet_not_empty);
}

TEST_F(AccountClosingTest, AnOpenShopRefusesIt) {
  const core::UserId owner = Member("owner@example.com");
  marketplace_.AddShop(owner, "개성상점", sellers::ShopStatus::pending);
  EXPECT_EQ(services().accounts.CloseAccount(owner, kPassword).error(), accounts::AccountError::shop_open);
}

TEST_F(AccountClosingTest, NothingOpenClosesItAndErasesTheAddresses) {
  const core::UserId member = Member("fresh@example.com");
  ASSERT_TRUE(services().addresses.Add(
      member, {.recipient = "박민수", .phone = "010-1234-5678", .line = "평양시 중구역 1", .make_default = true}));
  ASSERT_TRUE(services().accounts.CloseAccount(member, kPassword));
  EXPECT_TRUE(services().addresses.List(member).empty());
  EXPECT_EQ(services().accounts.FindUser(member)->name, accounts::kClosedMemberName);
}

TEST_F(AccountClosingTest, TheConversationsKeepTheirMessagesButNotTheName) {
  const core::UserId member = Member("writer@example.com");
  const core::UserId owner = Member("shopkeeper@example.com");
  const core::SellerId shop = marketplace_.AddShop(owner, "원산상점");
  const core::ProductId product = marketplace_.AddListing(shop, 7'000);
  auto posted = services().messages.Start(core::Actor{member, core::Role::buyer, "박민수"}, {.product = product},
                                          {.body = "색상이 몇 가지인가요?"});
  ASSERT_TRUE(posted);
  ASSERT_TRUE(services().accounts.CloseAccount(member, kPassword));
  auto thread = services().messages.Open(core::Actor{owner, core::Role::seller, "박민수"}, posted->conversation.id);
  ASSERT_TRUE(thread);
  EXPECT_EQ(thread->conversation.buyer_name, accounts::kClosedMemberName);
  ASSERT_EQ(thread->messages.size(), 1u);
  EXPECT_EQ(thread->messages.front().body, "색상이 몇 가지인가요?");
}

}  // namespace
}  // namespace manmulsang::app
