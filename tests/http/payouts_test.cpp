// Payouts through the real server, on the shared demo store: a demo shop's owner asks on the no-JS
// page for part of the shop's balance (released by the demo's confirmed orders) to a bank account;
// a refused form changes nothing; another shop's owner cannot see or use that shop's payouts; the
// admin finds the request in the queue, approves it on the page, and two admins mark it paid at
// once — one pays, the other is told it was already handled; the owner's page shows it paid and
// the balance down by the amount, once. A member cashes out wallet credit the admin put in at the
// cash desk, and a rejection with a reason gives the money back.
#include <thread>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class PayoutBlackBoxTest : public BlackBoxTest {
 protected:
  // A signed-in page's form: posts `fields` with the page's _csrf.
  static HttpResponse PostForm(HttpClient& browser, const std::string& page, const std::string& action,
                               FormFields fields) {
    HttpResponse shown = browser.Get(page);
    const std::optional<std::string> token = FindInputValue(shown.body, "_csrf");
    if (shown.status != 200 || !token) {
      throw std::runtime_error("no form with _csrf on " + page + ": " + shown.body.substr(0, 200));
    }
    fields.insert(fields.begin(), {"_csrf", *token});
    return browser.Post(action, fields);
  }

  static std::int64_t Balance(HttpClient client, const std::string& path) {
    HttpResponse listed = client.Get(path);
    if (listed.status != 200) throw std::runtime_error(path + ": " + listed.body);
    return Int(listed.Json().at("balance").at("amount"));
  }
};

TEST_F(PayoutBlackBoxTest, AShopAsksTheAdminPaysOnce) {
  const std::vector<ShopOwner> sellers = DemoSellers();
  const ShopOwner* owner = nullptr;
  for (const ShopOwner& seller : sellers) {
    HttpResponse listed = Client(seller.token).Get("/api/v1/seller/payouts");
    if (listed.status != 200) continue;
    const boost::json::value json = listed.Json();
    // The demo leaves some shops with a request still open; a shop may have one at a time.
    bool open = false;
    for (const boost::json::value& payout : json.at("items").as_array()) {
      const std::string_view status = payout.at("status").as_string();
      open = open || status == "requested" || status == "approved";
    }
    if (!open && Int(json.at("balance").at("amount")) >= 2'000) {
      owner = &seller;
      break;
    }
  }
  ASSERT_NE(owner, nullptr) << "no demo shop has a balance of 2,000 won and no open payout";
  const ShopOwner& other = sellers[&sellers[0] == owner ? 1 : 0];
  const std::int64_t before = Balance(Client(owner->token), "/api/v1/seller/payouts");

  HttpClient browser = SignInThroughLoginForm(owner->email, kDemoPassword);
  HttpResponse refused = PostForm(browser, "/seller/payouts", "/seller/payouts",
                                  {{"amount", "999"},
                                   {"method", "bank"},
                                   {"bank", "조선중앙은행"},
                                   {"account_number", "0101-2345-6789"},
                                   {"account_holder", "김철수"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("form-error"), std::string::npos);
  EXPECT_EQ(Balance(Client(owner->token), "/api/v1/seller/payouts"), before);

  HttpResponse asked = PostForm(browser, "/seller/payouts", "/seller/payouts",
                                {{"amount", "1,500"},
                                 {"method", "bank"},
                                 {"bank", "조선중앙은행"},
                                 {"account_number", "0101-2345-6789"},
                                 {"account_holder", "김철수"}});
  ASSERT_EQ(asked.status, 303) << asked.body.substr(0, 300);
  const std::string location = asked.Header("Location").value_or("");
  ASSERT_TRUE(location.starts_with("/seller/payouts?requested=")) << location;
  const std::string id = location.substr(std::string("/seller/payouts?requested=").size());
  EXPECT_EQ(Balance(Client(owner->token), "/api/v1/seller/payouts"), before - 1'500);
  // Another shop's owner: not found, and nothing of this shop's on their own page.
  EXPECT_EQ(Client(other.token).Get("/api/v1/seller/payouts?shop_id=" + std::to_string(owner->shop)).status, 404);
  EXPECT_EQ(Client(other.token).Get("/seller/payouts").body.find("payout-" + id + "\""), std::string::npos);

  const std::string admin = AdminToken();
  HttpResponse queue = Client(admin).Get("/admin/payouts?status=requested");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("/admin/payouts/" + id + "/approve"), std::string::npos);
  HttpResponse approved = Client(admin).Post("/admin/payouts/" + id + "/approve", {});
  EXPECT_EQ(approved.status, 303) << approved.body.substr(0, 300);

  // Two admins press "paid" at the same moment.
  HttpResponse first, second;
  std::thread one(
      [&] { first = Client(admin).PostJson("/api/v1/admin/payouts/" + id + "/pay", boost::json::object{}); });
  std::thread two([&] { second = Client(admin).Post("/admin/payouts/" + id + "/pay", {}); });
  one.join();
  two.join();
  const bool api_paid = first.status == 200;
  const bool page_paid = second.status == 303;
  EXPECT_NE(api_paid, page_paid) << first.status << " " << second.status;
  EXPECT_TRUE(api_paid ? second.status == 409 : first.status == 409);
  if (!api_paid) {
    EXPECT_EQ(ErrorCode(first), "payout_decided");
  }

  HttpResponse page = browser.Get("/seller/payouts");
  EXPECT_NE(page.body.find("id=\"payout-" + id + "\" data-status=\"paid\""), std::string::npos);
  EXPECT_EQ(Balance(Client(owner->token), "/api/v1/seller/payouts"), before - 1'500);
  EXPECT_NE(browser.Get("/seller/ledger").body.find("href=\"/seller/payouts\""), std::string::npos);
}

TEST_F(PayoutBlackBoxTest, AMemberCashesOutAndARejectionGivesTheMoneyBack) {
  const Member member = NewMember("payout-member");
  const std::string admin = AdminToken();
  HttpResponse credited = Client(admin).PostJson(
      "/api/v1/admin/credits", {{"member", member.email}, {"amount", 5'000}, {"reference", "입금표 payout"}});
  ASSERT_EQ(credited.status, 201) << credited.body;
  HttpResponse asked = Client(member.token).PostJson("/api/v1/wallet/payouts", {{"amount", 4'000}, {"method", "cash"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string id = std::to_string(Int(asked.Json().at("id")));
  EXPECT_EQ(Balance(Client(member.token), "/api/v1/wallet/payouts"), 1'000);
  EXPECT_EQ(ErrorCode(Client(member.token).PostJson("/api/v1/wallet/payouts", {{"amount", 1'000}, {"method", "cash"}})),
            "payout_open");
  HttpResponse rejected =
      Client(admin).PostJson("/api/v1/admin/payouts/" + id + "/reject", {{"reason", "본인이 창구에 오십시오"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(Balance(Client(member.token), "/api/v1/wallet/payouts"), 5'000);
  HttpResponse page = Client(member.token).Get("/wallet/payouts");
  EXPECT_NE(page.body.find("본인이 창구에 오십시오"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::testing
