// 찜 and followed shops through the real server, on the shared demo store: a member saves a
// product with the heart form on a shop page's card, finds it on /wishlist and in the API, sees
// the drop when the seller lowers the price, follows the shop and sees its next listing; another
// member's list stays empty and unknown ids change nothing.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class WishlistBlackBoxTest : public BlackBoxTest {
 protected:
  std::int64_t CreateListing(const ShopOwner& seller, const std::string& name, std::int64_t price) {
    HttpResponse created = Client(seller.token)
                               .PostJson("/api/v1/seller/products",
                                         boost::json::object{{"category", "clothing-winter"},
                                                             {"name", name},
                                                             {"description", "찜 시험용 솜동복"},
                                                             {"price", {{"amount", price}, {"currency", "KPW"}}},
                                                             {"stock", 5}});
    if (created.status != 201) throw std::runtime_error("create: " + created.body);
    return Int(created.Json().at("id"));
  }

  // Presses the form whose action is `action` on `page`, as a browser without script does.
  static HttpResponse Press(HttpClient& browser, const std::string& page, const std::string& action) {
    HttpResponse shown = browser.Get(page);
    if (shown.status != 200 || shown.body.find("action=\"" + action + "\"") == std::string::npos) {
      throw std::runtime_error("no form " + action + " on " + page);
    }
    const std::optional<std::string> token = FindInputValue(shown.body, "_csrf");
    if (!token) throw std::runtime_error("no _csrf on " + page);
    return browser.Post(action, {{"_csrf", *token}, {"return", page}});
  }
};

TEST_F(WishlistBlackBoxTest, SavedFromACardListedWithItsDropAndFollowedShopsNewListing) {
  const ShopOwner seller = ApprovedSeller("wishlist-seller", "찜 시험 상점");
  const std::string name = "찜솜동복" + std::to_string(seller.shop);
  const std::int64_t product = CreateListing(seller, name, 40'000);
  const Member member = NewMember("wishlist-buyer");
  HttpClient browser = SignInThroughLoginForm(member.email, kPassword);
  const std::string shop_page = "/s/" + std::to_string(seller.shop);

  HttpResponse saved = Press(browser, shop_page, "/wishlist/" + std::to_string(product));
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("Location").value_or(""), shop_page);
  // The card's heart is filled now, and removes it when pressed.
  EXPECT_NE(browser.Get(shop_page).body.find("action=\"/wishlist/" + std::to_string(product) + "/remove\""),
            std::string::npos);
  EXPECT_NE(browser.Get("/wishlist").body.find(name), std::string::npos);
  HttpResponse listed = Client(member.token).Get("/api/v1/wishlist");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(Int(listed.Json().at("total")), 1);

  HttpResponse repriced = Client(seller.token)
                              .Send("PATCH", "/api/v1/seller/products/" + std::to_string(product),
                                    R"({"price": {"amount": 35000, "currency": "KPW"}})", "application/json");
  ASSERT_EQ(repriced.status, 200) << repriced.body;
  EXPECT_NE(browser.Get("/wishlist").body.find("5,000원 내림"), std::string::npos);
  const boost::json::value item = Client(member.token).Get("/api/v1/wishlist").Json().at("items").at(0);
  EXPECT_EQ(Int(item.at("price_drop").at("amount")), 5'000);

  HttpResponse followed = Press(browser, shop_page, "/following/" + std::to_string(seller.shop));
  EXPECT_EQ(followed.status, 303);
  const std::string newer = "새솜동복" + std::to_string(seller.shop);
  const std::int64_t fresh = CreateListing(seller, newer, 20'000);
  EXPECT_NE(browser.Get("/following").body.find(newer), std::string::npos);
  const boost::json::value listings = Client(member.token).Get("/api/v1/following/listings").Json();
  EXPECT_EQ(Int(listings.at("items").at(0).at("id")), fresh);

  // Another member sees nothing of it; unknown ids are 404 and change nothing.
  const Member other = NewMember("wishlist-other");
  EXPECT_EQ(Int(Client(other.token).Get("/api/v1/wishlist").Json().at("total")), 0);
  EXPECT_EQ(Int(Client(other.token).Get("/api/v1/following").Json().at("total")), 0);
  EXPECT_TRUE(IsJsonError(Client(other.token).Send("PUT", "/api/v1/wishlist/999999999", "", ""), 404));
  EXPECT_TRUE(IsJsonError(Client(other.token).Send("PUT", "/api/v1/following/999999999", "", ""), 404));
  EXPECT_EQ(Int(Client(other.token).Get("/api/v1/wishlist").Json().at("total")), 0);
  // A visitor's heart asks to sign in and comes back.
  HttpResponse visitor = NewClient().Post("/wishlist/" + std::to_string(product), {{"return", shop_page}},
                                          {{"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(visitor.status, 303);
  EXPECT_EQ(visitor.Header("Location").value_or(""), "/login?next=%2Fs%2F" + std::to_string(seller.shop));
}

}  // namespace
}  // namespace manmulsang::testing
