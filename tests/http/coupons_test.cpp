// Coupons through the real server, on the shared demo store (docs/BUYING.md §10): a demo shop's
// owner creates a coupon, a buyer claims it ("쿠폰 받기") and spends it with a marketplace coupon
// at checkout, paying less; the order says who paid which discount; the claim cannot be spent
// twice; another member's claim is refused and nothing changes; a cancel gives the money and the
// claims back.

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class CouponBlackBoxTest : public BlackBoxTest {
 protected:
  std::int64_t Balance(const std::string& token) {
    return Int(Client(token).Get("/api/v1/wallet").Json().at("balance").at("amount"));
  }
};

TEST_F(CouponBlackBoxTest, ASellersCouponAndASiteCouponLowerWhatTheBuyerPays) {
  // A won-priced product in stock and the demo owner of its shop.
  const std::vector<ShopOwner> sellers = DemoSellers();
  HttpResponse listing = Client().Get("/api/v1/products?per_page=100");
  ASSERT_EQ(listing.status, 200);
  const boost::json::value products = listing.Json();
  std::int64_t product = 0;
  std::int64_t price = 0;
  const ShopOwner* owner = nullptr;
  for (const boost::json::value& item : products.at("items").as_array()) {
    if (item.at("price").at("currency").as_string() != "KPW" || Int(item.at("stock")) < 2) continue;
    if (Int(item.at("price").at("amount")) < 10'000) continue;
    for (const ShopOwner& seller : sellers) {
      if (seller.shop == Int(item.at("seller").at("id"))) owner = &seller;
    }
    if (owner) {
      product = Int(item.at("id"));
      price = Int(item.at("price").at("amount"));
      break;
    }
  }
  ASSERT_NE(owner, nullptr) << "no demo shop sells a won-priced product of 10,000 won or more";

  HttpResponse shop_coupon =
      Client(owner->token)
          .PostJson(
              "/api/v1/seller/coupons",
              {{"name", "단골 할인"}, {"kind", "amount"}, {"amount", 1'000}, {"valid_days", 7}, {"total_limit", 10}});
  ASSERT_EQ(shop_coupon.status, 201) << shop_coupon.body;
  const std::int64_t shop_coupon_id = Int(shop_coupon.Json().at("id"));
  HttpResponse site_coupon = Client(AdminToken())
                                 .PostJson("/api/v1/admin/coupons", {{"name", "만물상 10%"},
                                                                     {"kind", "percent"},
                                                                     {"percent", 10},
                                                                     {"maximum_discount", 500},
                                                                     {"valid_days", 7},
                                                                     {"total_limit", 10}});
  ASSERT_EQ(site_coupon.status, 201) << site_coupon.body;
  const std::int64_t site_coupon_id = Int(site_coupon.Json().at("id"));
  // A bad coupon is refused, naming the field.
  HttpResponse refused =
      Client(owner->token)
          .PostJson("/api/v1/seller/coupons",
                    {{"name", "x"}, {"kind", "percent"}, {"percent", 95}, {"valid_days", 7}, {"total_limit", 10}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(ErrorField(refused), "percent");

  const Member buyer = NewMember("coupon-buyer");
  // The product's claimable coupons include both.
  HttpResponse claimable = Client(buyer.token).Get("/api/v1/products/" + std::to_string(product) + "/coupons");
  ASSERT_EQ(claimable.status, 200);
  std::string ids;
  const boost::json::value claimable_json = claimable.Json();  // kept: a range-for over a temporary's member dangles
  for (const boost::json::value& item : claimable_json.at("items").as_array()) {
    ids += std::to_string(Int(item.at("coupon").at("id"))) + ",";
  }
  EXPECT_NE(ids.find(std::to_string(shop_coupon_id) + ","), std::string::npos);
  EXPECT_NE(ids.find(std::to_string(site_coupon_id) + ","), std::string::npos);

  HttpResponse shop_claim =
      Client(buyer.token)
          .PostJson("/api/v1/coupons/" + std::to_string(shop_coupon_id) + "/claim", boost::json::object{});
  ASSERT_EQ(shop_claim.status, 201) << shop_claim.body;
  EXPECT_EQ(Client(buyer.token)
                .PostJson("/api/v1/coupons/" + std::to_string(shop_coupon_id) + "/claim", boost::json::object{})
                .status,
            409);
  HttpResponse site_claim =
      Client(buyer.token)
          .PostJson("/api/v1/coupons/" + std::to_string(site_coupon_id) + "/claim", boost::json::object{});
  ASSERT_EQ(site_claim.status, 201);
  const std::int64_t shop_claim_id = Int(shop_claim.Json().at("id"));
  const std::int64_t site_claim_id = Int(site_claim.Json().at("id"));

  HttpResponse credited = Client(AdminToken())
                              .PostJson("/api/v1/admin/wallets/" + std::to_string(buyer.id) + "/credit",
                                        {{"amount", price * 2}, {"currency", "KPW"}, {"reference", "쿠폰 시험"}});
  ASSERT_EQ(credited.status, 201) << credited.body;
  ASSERT_EQ(Client(buyer.token).PostJson("/api/v1/cart/items", {{"product_id", product}, {"quantity", 1}}).status, 201);

  // Another member's claim is not this buyer's: refused, nothing changes.
  const Member stranger = NewMember("coupon-stranger");
  HttpResponse theirs =
      Client(stranger.token)
          .PostJson("/api/v1/coupons/" + std::to_string(site_coupon_id) + "/claim", boost::json::object{});
  ASSERT_EQ(theirs.status, 201);
  HttpResponse not_mine =
      Client(buyer.token)
          .PostJson("/api/v1/orders", {{"payment_method", "wallet"},
                                       {"address", "평양시 중구역 1동"},
                                       {"coupons", boost::json::array{Int(theirs.Json().at("id"))}}});
  EXPECT_EQ(not_mine.status, 409);
  EXPECT_EQ(ErrorCode(not_mine), "coupon_unavailable");
  EXPECT_EQ(Balance(buyer.token), price * 2);

  HttpResponse placed =
      Client(buyer.token)
          .PostJson("/api/v1/orders", {{"payment_method", "wallet"},
                                       {"address", "평양시 중구역 1동"},
                                       {"coupons", boost::json::array{shop_claim_id, site_claim_id}}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::int64_t site_discount = std::min<std::int64_t>(500, (price - 1'000) / 10);
  const std::int64_t paid = Int(placed.Json().at("total").at("amount"));
  const std::int64_t order = Int(placed.Json().at("orders").at(0).at("id"));
  HttpResponse shown = Client(buyer.token).Get("/api/v1/orders/" + std::to_string(order));
  ASSERT_EQ(shown.status, 200);
  const boost::json::value json = shown.Json();
  EXPECT_EQ(Int(json.at("shop_discount").at("amount")), 1'000);
  EXPECT_EQ(Int(json.at("site_discount").at("amount")), site_discount);
  EXPECT_EQ(paid,
            Int(json.at("subtotal").at("amount")) + Int(json.at("delivery_fee").at("amount")) - 1'000 - site_discount);
  EXPECT_EQ(Balance(buyer.token), price * 2 - paid);

  // Spent: the same claims again are refused.
  ASSERT_EQ(Client(buyer.token).PostJson("/api/v1/cart/items", {{"product_id", product}, {"quantity", 1}}).status, 201);
  HttpResponse twice = Client(buyer.token)
                           .PostJson("/api/v1/orders", {{"payment_method", "wallet"},
                                                        {"address", "평양시 중구역 1동"},
                                                        {"coupons", boost::json::array{shop_claim_id}}});
  EXPECT_EQ(twice.status, 409);
  HttpResponse mine = Client(buyer.token).Get("/api/v1/coupons");
  EXPECT_EQ(mine.Json().at("used").as_array().size(), 2u);

  // The seller's list counts the use.
  HttpResponse listed = Client(owner->token).Get("/api/v1/seller/coupons");
  ASSERT_EQ(listed.status, 200);
  bool counted = false;
  const boost::json::value listed_json = listed.Json();
  for (const boost::json::value& coupon : listed_json.at("items").as_array()) {
    if (Int(coupon.at("id")) == shop_coupon_id) counted = Int(coupon.at("used")) == 1 && Int(coupon.at("claimed")) == 1;
  }
  EXPECT_TRUE(counted);

  // A cancel gives back what was paid and the claims.
  HttpResponse cancelled =
      Client(buyer.token).PostJson("/api/v1/orders/" + std::to_string(order) + "/cancel", boost::json::object{});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Balance(buyer.token), price * 2);
  EXPECT_EQ(Client(buyer.token).Get("/api/v1/coupons").Json().at("usable").as_array().size(), 2u);

  // The checkout page, without JavaScript: the buyer picks both claims, 쿠폰 적용 shows the
  // discount lines re-priced on the server, and placing the order pays the same.
  HttpClient buyer_browser = SignInThroughLoginForm(buyer.email, kPassword);
  HttpResponse checkout = buyer_browser.Get("/checkout");
  ASSERT_EQ(checkout.status, 200);
  EXPECT_NE(checkout.body.find("name=\"coupon_site\""), std::string::npos);
  const std::optional<std::string> csrf = FindInputValue(checkout.body, "_csrf");
  const std::optional<std::string> key = FindInputValue(checkout.body, "idempotency_key");
  ASSERT_TRUE(csrf && key);
  FormFields fields = {{"_csrf", *csrf},
                       {"idempotency_key", *key},
                       {"coupon_shop_" + std::to_string(owner->shop), std::to_string(shop_claim_id)},
                       {"coupon_site", std::to_string(site_claim_id)},
                       {"payment_method", "wallet"},
                       {"address_id", "new"},
                       {"address", "평양시 중구역 1동"}};
  FormFields preview = fields;
  preview.push_back({"preview", "1"});
  HttpResponse previewed = buyer_browser.Post("/checkout", preview);
  ASSERT_EQ(previewed.status, 200) << previewed.body.substr(0, 300);
  EXPECT_NE(previewed.body.find("shop-discount"), std::string::npos);
  EXPECT_NE(previewed.body.find("site-discount"), std::string::npos);
  EXPECT_EQ(Balance(buyer.token), price * 2);  // nothing placed yet
  HttpResponse paid_page = buyer_browser.Post("/checkout", fields);
  ASSERT_EQ(paid_page.status, 303) << paid_page.body.substr(0, 300);
  EXPECT_EQ(Balance(buyer.token), price * 2 - paid);
  EXPECT_EQ(Client(buyer.token).Get("/api/v1/coupons").Json().at("used").as_array().size(), 2u);

  // The pages: the buyer's coupons, and the seller's list.
  HttpClient browser = SignInThroughLoginForm(owner->email, kDemoPassword);
  HttpResponse page = browser.Get("/seller/coupons");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("단골 할인"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::testing
