// The payout and money desk routes through the real router, renderer and services: pages and
// their JSON twins, the owner-only shop pages, refusals that change nothing, the admin's moves.

#include <gtest/gtest.h>

#include <algorithm>

#include "manmulsang/payments/http/money_routes.hpp"
#include "route_test_fixture.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::payments {
namespace {

class MoneyRoutesTest : public ::testing::Test, public testing::RouteTestFixture {
 protected:
  MoneyRoutesTest() {
    const std::vector<accounts::RegisterCommand> members = {
        {"owner@shop.kp", "password-long-enough", "상점 주인", core::Role::seller},
        {"other@shop.kp", "password-long-enough", "다른 주인", core::Role::seller},
        {"buyer@shop.kp", "password-long-enough", "구매자", core::Role::buyer},
        {"cashier@shop.kp", "password-long-enough", "출납 관리자", core::Role::admin}};
    const std::vector<core::UserId> ids = accounts_.InsertGeneratedMembers(members);
    owner_ = ids[0];
    other_ = ids[1];
    buyer_ = ids[2];
    admin_ = ids[3];
    shop_ = store_.AddShop(owner_, "평양 상점");
    other_shop_ = store_.AddShop(other_, "남포 상점");
    AddMoneyRoutes(router_, renderer_, {payments_, accounts_, store_.services().sellers});
  }

  ~MoneyRoutesTest() override {
    const LedgerAudit audit = payments_.Audit();
    EXPECT_EQ(audit.sum, 0);
    EXPECT_EQ(audit.unbalanced_transfers, 0);
    EXPECT_EQ(audit.negative_wallets, 0);
  }

  // The shop's balance as a confirmed order leaves it.
  void Earn(core::SellerId shop, std::int64_t won) {
    store_.TopUp(buyer_, won);
    const core::OrderId order{++orders_};
    ASSERT_TRUE(store_->Write([&](db::Connection& connection) -> std::expected<void, PaymentError> {
      if (auto paid = payments_.PayFromWallet(connection, buyer_, order, won); !paid) {
        return std::unexpected(paid.error());
      }
      if (auto released = payments_.Release(connection, order, shop, 0); !released) {
        return std::unexpected(released.error());
      }
      return {};
    }));
  }

  static std::string Location(const http::Response& response) { return std::string(response.Header("Location")); }
  std::string Owner() const { return Who(owner_, "seller"); }
  std::string Admin() const { return Who(admin_, "admin"); }

  testing::TestMarketplace store_;
  accounts::AccountService& accounts_ = store_.services().accounts;
  PaymentService& payments_ = store_.services().payments;
  core::UserId owner_, other_, buyer_, admin_;
  core::SellerId shop_, other_shop_;
  std::int64_t orders_ = 0;
};

TEST_F(MoneyRoutesTest, AShopOwnerRequestsAPayoutOnTheSellerPage) {
  Earn(shop_, 40'000);
  EXPECT_EQ(Location(Get("/seller/payouts")), "/login?next=%2Fseller%2Fpayouts");
  EXPECT_EQ(Get("/seller/payouts", Who(buyer_)).status, http::Status::not_found);  // no shop

  const http::Response page = Get("/seller/payouts", Owner());
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("평양 상점"), std::string::npos);
  EXPECT_NE(page.body.find("payout-form"), std::string::npos);
  EXPECT_NE(page.body.find("40,000"), std::string::npos);

  // Refused forms come back with the message, the status and what was typed; nothing moves.
  const http::Response small = PostForm("/seller/payouts", {{"amount", "500"}, {"method", "cash"}}, Owner());
  EXPECT_EQ(small.status, http::Status::bad_request);
  EXPECT_NE(small.body.find("form-error"), std::string::npos);
  EXPECT_NE(small.body.find("value=\"500\""), std::string::npos);
  const http::Response bad_account = PostForm("/seller/payouts",
                                              {{"amount", "10,000"},
                                               {"method", "bank"},
                                               {"bank", "조선은행"},
                                               {"account_number", "x"},
                                               {"account_holder", "김"}},
                                              Owner());
  EXPECT_EQ(bad_account.status, http::Status::bad_request);
  const http::Response too_much = PostForm("/seller/payouts", {{"amount", "40001"}, {"method", "cash"}}, Owner());
  EXPECT_EQ(too_much.status, http::Status::payment_required);
  const http::Response no_method = PostForm("/seller/payouts", {{"amount", "4000"}}, Owner());
  EXPECT_EQ(no_method.status, http::Status::bad_request);
  EXPECT_TRUE(payments_.PayoutsOf(PayoutOwner::Shop(shop_)).empty());

  const http::Response asked = PostForm("/seller/payouts",
                                        {{"amount", "30,000"},
                                         {"method", "bank"},
                                         {"bank", "조선중앙은행"},
                                         {"account_number", "0101-2345"},
                                         {"account_holder", "김철수"}},
                                        Owner());
  ASSERT_EQ(asked.status, http::Status::see_other);
  EXPECT_TRUE(Location(asked).starts_with("/seller/payouts?requested="));
  const http::Response after = Get("/seller/payouts?requested=1", Owner());
  EXPECT_NE(after.body.find("payout-open"), std::string::npos);
  EXPECT_EQ(after.body.find("payout-form"), std::string::npos);
  EXPECT_NE(after.body.find("data-status=\"requested\""), std::string::npos);
  EXPECT_EQ(payments_.PayoutBalance(PayoutOwner::Shop(shop_)), 10'000);
  EXPECT_EQ(PostForm("/seller/payouts", {{"amount", "5000"}, {"method", "cash"}}, Owner()).status,
            http::Status::conflict);
  // The other shop's owner sees their own shop, not this one.
  EXPECT_EQ(Get("/seller/payouts", Who(other_, "seller")).body.find("평양 상점"), std::string::npos);
}

TEST_F(MoneyRoutesTest, TheAdminApprovesPaysAndRejectsFromTheQueue) {
  Earn(shop_, 20'000);
  store_.TopUp(buyer_, 5'000);
  auto shop_payout = payments_.RequestPayout(PayoutOwner::Shop(shop_), owner_, {20'000, PayoutMethod::cash});
  auto member_payout = payments_.RequestPayout(PayoutOwner::Member(buyer_), buyer_, {5'000, PayoutMethod::cash});
  ASSERT_TRUE(shop_payout.has_value());
  ASSERT_TRUE(member_payout.has_value());
  const std::string shop_id = std::to_string(shop_payout->id.value);
  const std::string member_id = std::to_string(member_payout->id.value);

  const http::Response queue = Get("/admin/payouts", Admin());
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_NE(queue.body.find("평양 상점"), std::string::npos);
  EXPECT_NE(queue.body.find("구매자"), std::string::npos);
  EXPECT_NE(queue.body.find("/admin/payouts/" + shop_id + "/approve"), std::string::npos);
  EXPECT_EQ(queue.body.find("/admin/payouts/" + shop_id + "/pay"), std::string::npos);  // not approved yet

  EXPECT_EQ(Location(PostForm("/admin/payouts/" + shop_id + "/approve", {}, Admin())), "/admin/payouts?done=approve");
  EXPECT_EQ(Location(PostForm("/admin/payouts/" + shop_id + "/pay", {}, Admin())), "/admin/payouts?done=pay");
  // A second "paid" (another admin's stale page) is refused with the message; nothing moves.
  const http::Response again = PostForm("/admin/payouts/" + shop_id + "/pay", {}, Admin());
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_NE(again.body.find("form-error"), std::string::npos);
  EXPECT_EQ(PostForm("/admin/payouts/999/pay", {}, Admin()).status, http::Status::not_found);

  EXPECT_EQ(PostForm("/admin/payouts/" + member_id + "/reject", {{"reason", " "}}, Admin()).status,
            http::Status::bad_request);
  EXPECT_EQ(
      Location(PostForm("/admin/payouts/" + member_id + "/reject", {{"reason", "신분증을 가져오십시오"}}, Admin())),
      "/admin/payouts?done=reject");
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 5'000);
  const http::Response wallet = Get("/wallet/payouts", Who(buyer_));
  EXPECT_NE(wallet.body.find("신분증을 가져오십시오"), std::string::npos);
  EXPECT_NE(wallet.body.find("data-status=\"rejected\""), std::string::npos);

  const http::Response paid = Get("/admin/payouts?status=paid", Admin());
  EXPECT_NE(paid.body.find("payout-" + shop_id), std::string::npos);
  EXPECT_EQ(paid.body.find("payout-" + member_id), std::string::npos);
  EXPECT_EQ(payments_.CountPayoutsAwaiting(), 0);
}

TEST_F(MoneyRoutesTest, TheJsonTwinsAnswerAsDocumented) {
  Earn(shop_, 10'000);
  const http::Response listed = Get("/api/v1/seller/payouts", Owner());
  ASSERT_EQ(listed.status, http::Status::ok);
  EXPECT_EQ(Json(listed).at("balance").at("amount").as_int64(), 10'000);
  EXPECT_EQ(Json(listed).at("shop_id").as_int64(), shop_.value);
  EXPECT_EQ(Get("/api/v1/seller/payouts?shop_id=" + std::to_string(other_shop_.value), Owner()).status,
            http::Status::not_found);
  EXPECT_EQ(Get("/api/v1/seller/payouts").status, http::Status::unauthorized);

  const http::Response below = Post("/api/v1/seller/payouts", R"({"amount": 999, "method": "cash"})", Owner());
  EXPECT_EQ(below.status, http::Status::bad_request);
  EXPECT_EQ(Code(below), "amount_below_minimum");
  EXPECT_EQ(Code(Post("/api/v1/seller/payouts", R"({"amount": "5000", "method": "cash"})", Owner())), "invalid_amount");
  EXPECT_EQ(Code(Post("/api/v1/seller/payouts", R"({"amount": 5000, "method": "mail"})", Owner())),
            "invalid_payout_method");
  const http::Response created = Post(
      "/api/v1/seller/payouts",
      R"({"amount": 6000, "method": "bank", "bank": "조선중앙은행", "account_number": "0101 2345", "account_holder": "김철수"})",
      Owner());
  ASSERT_EQ(created.status, http::Status::created) << created.body;
  const boost::json::object payout = Json(created);
  EXPECT_EQ(payout.at("status").as_string(), "requested");
  EXPECT_EQ(payout.at("account_number").as_string(), "01012345");
  EXPECT_EQ(Code(Post("/api/v1/seller/payouts", R"({"amount": 1000, "method": "cash"})", Owner())), "payout_open");
  const std::string id = std::to_string(payout.at("id").as_int64());

  EXPECT_EQ(Code(Post("/api/v1/wallet/payouts", R"({"amount": 1000, "method": "cash"})", Who(buyer_))),
            "insufficient_funds");
  const http::Response queue = Get("/api/v1/admin/payouts?status=requested", Admin());
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_EQ(Json(queue).at("total").as_int64(), 1);
  EXPECT_EQ(Code(Get("/api/v1/admin/payouts?status=lost", Admin())), "invalid_status");
  EXPECT_EQ(Code(Post("/api/v1/admin/payouts/" + id + "/pay", "", Admin())), "payout_decided");
  EXPECT_EQ(Json(Post("/api/v1/admin/payouts/" + id + "/approve", "", Admin())).at("status").as_string(), "approved");
  EXPECT_EQ(Code(Post("/api/v1/admin/payouts/" + id + "/reject", "{}", Admin())), "reason_required");
  EXPECT_EQ(Json(Post("/api/v1/admin/payouts/" + id + "/pay", "", Admin())).at("status").as_string(), "paid");
  EXPECT_EQ(Code(Post("/api/v1/admin/payouts/999/approve", "", Admin())), "payout_not_found");
  EXPECT_EQ(Json(Get("/api/v1/seller/payouts", Owner())).at("items").as_array().size(), 1u);
}

TEST_F(MoneyRoutesTest, TheCashDeskCreditsAMemberByEmailOrNumber) {
  EXPECT_EQ(Get("/admin/credits", Admin()).status, http::Status::ok);
  const http::Response unknown =
      PostForm("/admin/credits", {{"member", "nobody@shop.kp"}, {"amount", "5000"}, {"reference", "A-1"}}, Admin());
  EXPECT_EQ(unknown.status, http::Status::not_found);
  EXPECT_NE(unknown.body.find("form-error"), std::string::npos);
  EXPECT_EQ(
      PostForm("/admin/credits", {{"member", "buyer@shop.kp"}, {"amount", "5000"}, {"reference", ""}}, Admin()).status,
      http::Status::bad_request);
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 0);

  const http::Response credited = PostForm(
      "/admin/credits", {{"member", " BUYER@shop.kp "}, {"amount", "12,000"}, {"reference", "입금표 77"}}, Admin());
  ASSERT_EQ(credited.status, http::Status::see_other) << credited.body;
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 12'000);
  const http::Response page = Get(Location(credited), Admin());
  EXPECT_NE(page.body.find("입금표 77"), std::string::npos);
  EXPECT_NE(page.body.find("12,000"), std::string::npos);

  const http::Response api =
      Post("/api/v1/admin/credits",
           R"({"member": )" + std::to_string(buyer_.value) + R"(, "amount": 3000, "reference": "입금표 78"})", Admin());
  ASSERT_EQ(api.status, http::Status::created) << api.body;
  EXPECT_EQ(Json(api).at("balance").at("amount").as_int64(), 15'000);
  EXPECT_EQ(Json(Get("/api/v1/admin/credits", Admin())).at("items").as_array().size(), 2u);
  EXPECT_EQ(store_.Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'wallet.credit'"), 2);
}

TEST_F(MoneyRoutesTest, ALargeCreditNeedsASecondAdmin) {
  const http::Response asked = PostForm(
      "/admin/credits", {{"member", "buyer@shop.kp"}, {"amount", "3,000,000"}, {"reference", "입금표 90"}}, Admin());
  ASSERT_EQ(asked.status, http::Status::see_other);
  EXPECT_TRUE(Location(asked).starts_with("/admin/credits?waiting="));
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 0);
  const std::string id = Location(asked).substr(std::string("/admin/credits?waiting=").size());
  // The admin who asked sees it waiting without an approve button, and cannot approve it.
  const http::Response own = Get("/admin/credits", Admin());
  EXPECT_NE(own.body.find("pending-credit-" + id), std::string::npos);
  EXPECT_EQ(own.body.find("/admin/credits/" + id + "/approve"), std::string::npos);
  EXPECT_EQ(PostForm("/admin/credits/" + id + "/approve", {}, Admin()).status, http::Status::conflict);
  const std::string second = Who(core::UserId{admin_.value + 100}, "admin");
  EXPECT_NE(Get("/admin/credits", second).body.find("/admin/credits/" + id + "/approve"), std::string::npos);
  EXPECT_EQ(Location(PostForm("/admin/credits/" + id + "/approve", {}, second)), "/admin/credits?approved=" + id);
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 3'000'000);
  EXPECT_EQ(Code(Post("/api/v1/admin/credits/" + id + "/approve", "", second)), "credit_decided");

  const http::Response api = Post(
      "/api/v1/admin/credits", R"({"member": "buyer@shop.kp", "amount": 2000000, "reference": "입금표 91"})", Admin());
  ASSERT_EQ(api.status, http::Status::accepted) << api.body;
  const std::string api_id = std::to_string(Json(api).at("pending_credit_id").as_int64());
  EXPECT_EQ(Json(Get("/api/v1/admin/credits", Admin())).at("pending").as_array().size(), 1u);
  EXPECT_EQ(Code(Post("/api/v1/admin/credits/" + api_id + "/reject", "{}", second)), "reason_required");
  const http::Response rejected =
      Post("/api/v1/admin/credits/" + api_id + "/reject", R"({"reason": "입금표 확인 안 됨"})", second);
  EXPECT_EQ(rejected.status, http::Status::ok) << rejected.body;
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 3'000'000);
}

TEST_F(MoneyRoutesTest, TheCashDeskAppliesAndShowsTheLimitInTheSettings) {
  EXPECT_NE(Get("/admin/credits", Admin()).body.find("초과 1,000,000"), std::string::npos);
  const core::Actor admin{admin_, core::Role::admin, "출납 관리자"};
  settings::Settings values;
  values.credit_second_approval_above = 10'000;
  ASSERT_TRUE(store_.services().settings.Update(admin, 0, values, "소액만 바로 충전").has_value());
  EXPECT_NE(Get("/admin/credits", Admin()).body.find("초과 10,000"), std::string::npos);
  const http::Response waiting = PostForm(
      "/admin/credits", {{"member", "buyer@shop.kp"}, {"amount", "20,000"}, {"reference", "입금표 92"}}, Admin());
  EXPECT_TRUE(Location(waiting).starts_with("/admin/credits?waiting=")) << waiting.body;
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 0);

  values.credit_second_approval_above = 0;
  ASSERT_TRUE(store_.services().settings.Update(admin, 1, values, "모든 충전 확인").has_value());
  const http::Response page = Get("/admin/credits", Admin());
  EXPECT_NE(page.body.find("모든 충전은 다른 관리자의 승인이 있어야"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/settings\""), std::string::npos);
  const http::Response api =
      Post("/api/v1/admin/credits", R"({"member": "buyer@shop.kp", "amount": 1, "reference": "입금표 93"})", Admin());
  EXPECT_EQ(api.status, http::Status::accepted) << api.body;
  EXPECT_EQ(payments_.WalletBalance(buyer_).amount, 0);
  EXPECT_EQ(payments_.PendingCredits().size(), 2u);
}

TEST_F(MoneyRoutesTest, RatesAreSetOnTheFormAndTheirHistoryKept) {
  EXPECT_EQ(PostForm("/admin/exchange-rates", {{"currency", "USD"}, {"rate", "8,250"}}, Admin()).status,
            http::Status::bad_request);
  EXPECT_EQ(PostForm("/admin/exchange-rates", {{"currency", "KPW"}, {"rate", "1"}}, Admin()).status,
            http::Status::bad_request);
  EXPECT_EQ(Location(PostForm("/admin/exchange-rates", {{"currency", "USD"}, {"rate", "8250.5"}}, Admin())),
            "/admin/exchange-rates?set=USD");
  ASSERT_TRUE(payments_.CurrentRates().Rate(core::Currency::usd).has_value());
  EXPECT_EQ(*payments_.CurrentRates().Rate(core::Currency::usd), 82'505'000);
  ASSERT_EQ(Location(PostForm("/admin/exchange-rates", {{"currency", "USD"}, {"rate", "8300"}}, Admin())),
            "/admin/exchange-rates?set=USD");
  const http::Response page = Get("/admin/exchange-rates", Admin());
  EXPECT_NE(page.body.find("8250.5"), std::string::npos);
  EXPECT_NE(page.body.find("8300"), std::string::npos);
  const boost::json::object api = Json(Get("/api/v1/admin/exchange-rates", Admin()));
  ASSERT_EQ(api.at("history").as_array().size(), 2u);
  EXPECT_EQ(api.at("history").as_array()[0].at("previous_rate").as_int64(), 82'505'000);
}

TEST_F(MoneyRoutesTest, VouchersAreShownOnceAndTheirBatchFollowed) {
  EXPECT_EQ(PostForm("/admin/vouchers", {{"count", "0"}, {"amount", "1000"}}, Admin()).status,
            http::Status::bad_request);
  const http::Response sheet =
      PostForm("/admin/vouchers", {{"count", "3"}, {"amount", "5000"}, {"note", "설날"}, {"format", "page"}}, Admin());
  ASSERT_EQ(sheet.status, http::Status::created) << sheet.body;
  EXPECT_NE(sheet.body.find("data:text/csv"), std::string::npos);
  std::vector<std::string> codes;
  for (std::size_t at = sheet.body.find("<code>"); at != std::string::npos; at = sheet.body.find("<code>", at + 1)) {
    codes.push_back(sheet.body.substr(at + 6, 19));
  }
  ASSERT_EQ(codes.size(), 3u);
  ASSERT_TRUE(payments_.RedeemVoucher(buyer_, codes[2]).has_value());

  const http::Response csv =
      PostForm("/admin/vouchers", {{"count", "2"}, {"amount", "1000"}, {"format", "csv"}}, Admin());
  ASSERT_EQ(csv.status, http::Status::ok);
  EXPECT_TRUE(csv.content_type.starts_with("text/csv"));
  EXPECT_NE(csv.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 3);

  const http::Response list = Get("/admin/vouchers", Admin());
  EXPECT_NE(list.body.find("설날"), std::string::npos);
  // Codes are never shown again, only their place and first group.
  EXPECT_EQ(list.body.find(codes[0]), std::string::npos);
  const http::Response batch = Get("/admin/vouchers?batch=1", Admin());
  ASSERT_EQ(batch.status, http::Status::ok);
  EXPECT_EQ(batch.body.find(codes[0]), std::string::npos);
  EXPECT_NE(batch.body.find(codes[2].substr(0, 4) + "-…"), std::string::npos);
  EXPECT_NE(batch.body.find("data-redeemed-by=\"" + std::to_string(buyer_.value) + "\""), std::string::npos);
  EXPECT_EQ(Get("/admin/vouchers?batch=99", Admin()).status, http::Status::not_found);
  const boost::json::object api = Json(Get("/api/v1/admin/vouchers?batch_id=1", Admin()));
  EXPECT_EQ(api.at("redeemed").as_int64(), 1);
  EXPECT_EQ(api.at("vouchers").as_array()[2].at("redeemed_by").as_int64(), buyer_.value);
  EXPECT_EQ(Json(Get("/api/v1/admin/vouchers", Admin())).at("total").as_int64(), 2);
}

}  // namespace
}  // namespace manmulsang::payments
