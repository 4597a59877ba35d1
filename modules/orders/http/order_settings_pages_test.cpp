// The buying pages show what the admin set (settings::SettingsService), read at each request.

#include "buying_routes_fixture.hpp"

namespace manmulsang::orders {
namespace {

class OrderSettingsPagesTest : public BuyingApiTest {
 protected:
  static bool Contains(const http::Response& response, std::string_view text) {
    return response.body.find(text) != std::string::npos;
  }

  core::OrderId Place(PaymentMethod method) {
    const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 4'000, 5);
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
    auto receipt = orders_.Checkout(Command(kBuyer, method));
    EXPECT_TRUE(receipt.has_value());
    return receipt ? receipt->orders.front().id : core::OrderId{};
  }

  void Save(const settings::Settings& values) {
    auto updated = settings_.Update(Admin(), settings_.Current().version, values, "운영 변경");
    ASSERT_TRUE(updated.has_value()) << settings::ErrorCode(updated.error());
  }
};

TEST_F(OrderSettingsPagesTest, TheBankTransferOrderShowsTheAccountsToPayInto) {
  const core::OrderId order = Place(PaymentMethod::bank_transfer);
  const std::string path = "/orders/" + std::to_string(order.value);
  auto before = Get(path, kBuyerWho);
  ASSERT_EQ(before.status, http::Status::ok);
  EXPECT_TRUE(Contains(before, "class=\"pay-by\""));
  EXPECT_TRUE(Contains(before, "(72시간)"));
  EXPECT_TRUE(Contains(before, "입금 계좌가 아직 정해지지 않았습니다"));

  settings::Settings values = settings_.Current().values;
  values.bank_transfer_deadline_hours = 48;
  values.bank_accounts = {{"조선무역은행", "0101-2345-6789", "만물상"}, {"평양은행", "77-88", "만물상 회계"}};
  Save(values);
  auto after = Get(path, kBuyerWho);
  ASSERT_EQ(after.status, http::Status::ok);
  EXPECT_TRUE(Contains(after, "조선무역은행"));
  EXPECT_TRUE(Contains(after, "0101-2345-6789"));
  EXPECT_TRUE(Contains(after, "만물상 회계"));
  EXPECT_TRUE(Contains(after, "(48시간)"));
  EXPECT_FALSE(Contains(after, "입금 계좌가 아직 정해지지 않았습니다"));
}

TEST_F(OrderSettingsPagesTest, AWalletOrderShowsNoAccounts) {
  store_.TopUp(kBuyer, 10'000);
  settings::Settings values = settings_.Current().values;
  values.bank_accounts = {{"조선무역은행", "0101-2345-6789", "만물상"}};
  Save(values);
  auto page = Get("/orders/" + std::to_string(Place(PaymentMethod::wallet).value), kBuyerWho);
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_FALSE(Contains(page, "0101-2345-6789"));
}

TEST_F(OrderSettingsPagesTest, TheShipFormOffersTheCarriersTheAdminSet) {
  store_.TopUp(kBuyer, 10'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::prepare).has_value());
  const std::string path = "/seller/orders/" + std::to_string(order.value);
  auto before = Get(path, "2:seller");
  ASSERT_EQ(before.status, http::Status::ok);
  EXPECT_TRUE(Contains(before, "<option value=\"대동강택배\">"));

  settings::Settings values = settings_.Current().values;
  values.carriers = {"신의주 특송", "조선우편"};
  Save(values);
  auto after = Get(path, "2:seller");
  ASSERT_EQ(after.status, http::Status::ok);
  EXPECT_TRUE(Contains(after, "<option value=\"신의주 특송\">"));
  EXPECT_TRUE(Contains(after, "<option value=\"조선우편\">"));
  EXPECT_FALSE(Contains(after, "대동강택배"));
}

}  // namespace
}  // namespace manmulsang::orders
