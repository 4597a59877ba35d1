// A seller's listings through the real server (issue 5): created with options through the API,
// found by search, hidden (gone from search and its page), shown (back), deleted; another shop's
// owner gets 404 for every listing endpoint and changes nothing; an applicant not yet approved
// gets 403; a bad field is a 400 naming it; the no-JS form lists a product too.
#include <algorithm>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class ListingsTest : public BlackBoxTest {
 protected:
  ShopOwner NewApplicant(std::string_view tag) { return Applicant(tag, "목록 상점 " + std::string(tag)); }
  ShopOwner NewSeller(std::string_view tag) { return ApprovedSeller(tag, "목록 상점 " + std::string(tag)); }

  // The ids of what a search for text finds in the shop.
  std::vector<std::int64_t> Found(std::int64_t shop, std::string_view text) {
    HttpResponse response =
        Client().Get("/api/v1/products?per_page=100&seller=" + std::to_string(shop) + "&q=" + PercentEncode(text));
    if (response.status != 200) throw std::runtime_error("search: " + response.body);
    std::vector<std::int64_t> ids;
    const boost::json::value json = response.Json();
    for (const auto& item : json.at("items").as_array()) ids.push_back(Int(item.at("id")));
    return ids;
  }

  std::int64_t Create(const ShopOwner& seller, const boost::json::object& listing) {
    HttpResponse created = Client(seller.token).PostJson("/api/v1/seller/products", listing);
    if (created.status != 201) throw std::runtime_error("create: " + created.body);
    return Int(created.Json().at("id"));
  }

  static boost::json::object Coat(std::string_view name) {
    return {
        {"category", "clothing-winter"},
        {"name", name},
        {"description", "겨울에 따뜻한 솜동복"},
        {"price", {{"amount", 40000}, {"currency", "KPW"}}},
        {"variants",
         boost::json::array{
             boost::json::object{{"size", "M"}, {"colour", "검정"}, {"price", {{"amount", 45000}}}, {"stock", 3}},
             boost::json::object{{"size", "L"}, {"colour", "곤색"}, {"price", {{"amount", 42000}}}, {"stock", 2}}}}};
  }
};

TEST_F(ListingsTest, ACreatedListingIsFoundHiddenShownAndDeleted) {
  const ShopOwner seller = NewSeller("listing-life");
  const std::string word = "솜동복" + std::to_string(seller.shop);
  const std::int64_t id = Create(seller, Coat(word));
  const std::string path = "/api/v1/seller/products/" + std::to_string(id);

  EXPECT_EQ(Found(seller.shop, word), std::vector<std::int64_t>{id});
  const boost::json::value product = Client().Get("/api/v1/products/" + std::to_string(id)).Json();
  EXPECT_EQ(Int(product.at("stock")), 5);
  EXPECT_EQ(Int(product.at("price").at("amount")), 42000);
  ASSERT_EQ(product.at("variants").as_array().size(), 2u);
  EXPECT_EQ(Client().Get("/p/" + std::to_string(id)).status, 200);

  ASSERT_EQ(Client(seller.token).PostJson(path + "/hide", boost::json::object{}).status, 200);
  EXPECT_TRUE(Found(seller.shop, word).empty());
  EXPECT_EQ(Client().Get("/p/" + std::to_string(id)).status, 404);
  EXPECT_EQ(Client().Get("/api/v1/products/" + std::to_string(id)).status, 404);
  HttpResponse hidden = Client(seller.token).Get("/api/v1/seller/products?status=hidden");
  ASSERT_EQ(hidden.status, 200);
  EXPECT_EQ(Int(hidden.Json().at("total")), 1);

  ASSERT_EQ(Client(seller.token).PostJson(path + "/show", boost::json::object{}).status, 200);
  EXPECT_EQ(Found(seller.shop, word), std::vector<std::int64_t>{id});
  EXPECT_EQ(Client().Get("/p/" + std::to_string(id)).status, 200);

  // A picture: stored, and refused when it is not one.
  HttpResponse photo =
      Client(seller.token).Send("POST", path + "/images", ImageBody("image", kOnePixelPng), MultipartType());
  ASSERT_EQ(photo.status, 201) << photo.body;
  const std::string url(photo.Json().at("images").at(0).at("url").as_string());
  EXPECT_EQ(Client().Get(url).status, 200);
  HttpResponse script =
      Client(seller.token)
          .Send("POST", path + "/images",
                ImageBody("image", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), MultipartType());
  EXPECT_EQ(script.status, 415) << script.body;

  HttpResponse deleted = Client(seller.token).Send("DELETE", path, "", "");
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(Found(seller.shop, word).empty());
  EXPECT_EQ(Client(seller.token).Get(path).status, 404);
  EXPECT_EQ(Client().Get("/p/" + std::to_string(id)).status, 404);
}

TEST_F(ListingsTest, AnotherShopsOwnerGetsNotFoundEverywhereAndChangesNothing) {
  const ShopOwner owner = NewSeller("listing-owner");
  const ShopOwner other = NewSeller("listing-other");
  const std::string word = "방한화" + std::to_string(owner.shop);
  const std::int64_t id = Create(owner, Coat(word));
  const std::string path = "/api/v1/seller/products/" + std::to_string(id);
  HttpClient stranger = Client(other.token);

  EXPECT_EQ(stranger.Get(path).status, 404);
  HttpResponse patched =
      stranger.Send("PATCH", path, R"({"name": "가로챈 이름", "status": "hidden"})", "application/json");
  EXPECT_EQ(patched.status, 404);
  EXPECT_EQ(ErrorCode(patched), "listing_not_found");
  EXPECT_EQ(stranger.PostJson(path + "/hide", boost::json::object{}).status, 404);
  EXPECT_EQ(stranger.Send("DELETE", path, "", "").status, 404);
  EXPECT_EQ(stranger.Send("POST", path + "/images", ImageBody("image", kOnePixelPng), MultipartType()).status, 404);
  EXPECT_EQ(stranger.Send("DELETE", path + "/images/0", "", "").status, 404);
  const boost::json::value strangers_list = stranger.Get("/api/v1/seller/products").Json();
  for (const auto& item : strangers_list.at("items").as_array()) {
    EXPECT_NE(Int(item.at("id")), id) << "another shop's listing in the stranger's list";
  }
  // The pages say not found too.
  HttpClient browser = SignInThroughLoginForm(other.email, kPassword);
  EXPECT_EQ(browser.Get("/seller/products/" + std::to_string(id) + "/edit").status, 404);

  const boost::json::value product = Client().Get("/api/v1/products/" + std::to_string(id)).Json();
  EXPECT_EQ(product.at("name").as_string(), word);
  EXPECT_TRUE(product.at("images").as_array().empty());
  EXPECT_EQ(Found(owner.shop, word), std::vector<std::int64_t>{id});
}

TEST_F(ListingsTest, OnlyApprovedSellersListAndBadFieldsAreNamed) {
  const ShopOwner applicant = NewApplicant("listing-applicant");
  HttpResponse refused = Client(applicant.token).PostJson("/api/v1/seller/products", Coat("신청자 상품"));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(ErrorCode(refused), "not_a_seller");
  EXPECT_EQ(Client().Get("/api/v1/seller/products").status, 401);
  EXPECT_EQ(Client(applicant.token).Get("/api/v1/seller/products").status, 403);

  const ShopOwner seller = NewSeller("listing-fields");
  auto field_of = [&](boost::json::object listing) {
    HttpResponse response = Client(seller.token).PostJson("/api/v1/seller/products", listing);
    EXPECT_TRUE(IsJsonError(response, 400)) << response.body;
    return ErrorField(response);
  };
  boost::json::object listing = Coat("이름");
  listing["name"] = "";
  EXPECT_EQ(field_of(listing), "name");
  listing = Coat("이름");
  listing["category"] = "no-such-category";
  EXPECT_EQ(field_of(listing), "category");
  listing = Coat("이름");
  listing["description"] = std::string(6000, 'a');
  EXPECT_EQ(field_of(listing), "description");
  listing = Coat("이름");
  listing["variants"].as_array()[1].as_object()["stock"] = -5;
  EXPECT_EQ(field_of(listing), "variants[1].stock");
  listing = Coat("이름");
  listing.erase("variants");
  listing["price"] = {{"amount", 0}, {"currency", "KPW"}};
  EXPECT_EQ(field_of(listing), "price");
  HttpResponse listed = Client(seller.token).Get("/api/v1/seller/products");
  EXPECT_EQ(Int(listed.Json().at("total")), 0) << "a refused listing was stored";
}

TEST_F(ListingsTest, TheFormListsAProductWithoutJavaScript) {
  const ShopOwner seller = NewSeller("listing-form");
  HttpClient browser = SignInThroughLoginForm(seller.email, kPassword);
  HttpResponse form = browser.Get("/seller/products/new");
  ASSERT_EQ(form.status, 200);
  const std::optional<std::string> csrf = FindInputValue(form.body, "_csrf");
  ASSERT_TRUE(csrf.has_value());
  const std::string word = "털모자" + std::to_string(seller.shop);
  HttpResponse created = browser.Post("/seller/products", {{"_csrf", *csrf},
                                                           {"category", "clothing-winter"},
                                                           {"name", word},
                                                           {"description", "따뜻한 모자"},
                                                           {"currency", "KPW"},
                                                           {"price", "12,000"},
                                                           {"stock", "4"}});
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(Found(seller.shop, word).size(), 1u);
  HttpResponse bad = browser.Post("/seller/products", {{"_csrf", *csrf},
                                                       {"category", "clothing-winter"},
                                                       {"name", word},
                                                       {"currency", "KPW"},
                                                       {"price", "0"},
                                                       {"stock", "4"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_EQ(Found(seller.shop, word).size(), 1u);
}

TEST_F(ListingsTest, ABuyerBuysAnOptionAndTheListingFollows) {
  const ShopOwner seller = NewSeller("listing-options");
  const std::string word = "겨울솜옷" + std::to_string(seller.shop);
  const std::int64_t id = Create(seller, Coat(word));
  const boost::json::value before = Client().Get("/api/v1/products/" + std::to_string(id)).Json();
  const std::int64_t large = Int(before.at("variants").at(1).at("id"));

  const std::string buyer = RegisterViaApi(UniqueEmail("options-buyer"), kPassword);
  HttpResponse whole = Client(buyer).PostJson("/api/v1/cart/items", {{"product_id", id}, {"quantity", 1}});
  EXPECT_TRUE(IsJsonError(whole, 400)) << whole.body;
  EXPECT_EQ(ErrorCode(whole), "option_required");
  ASSERT_EQ(Client(buyer).PostJson("/api/v1/cart/items", {{"product_id", large}, {"quantity", 2}}).status, 201);
  HttpResponse placed =
      Client(buyer).PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 1동"}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::int64_t order = Int(placed.Json().at("orders").at(0).at("id"));
  HttpResponse order_read = Client(buyer).Get("/api/v1/orders/" + std::to_string(order));
  EXPECT_NE(order_read.body.find(word + " (L / 곤색)"), std::string::npos) << "the order line names the option";

  const boost::json::value after = Client().Get("/api/v1/products/" + std::to_string(id)).Json();
  EXPECT_EQ(Int(after.at("stock")), 3);
  EXPECT_EQ(Int(after.at("variants").at(1).at("stock")), 0);
  HttpResponse page = Client().Get("/p/" + std::to_string(id));
  EXPECT_NE(page.body.find("value=\"" + std::to_string(large) + "\" disabled"), std::string::npos)
      << "the sold-out option is not disabled in the select";

  ASSERT_EQ(Client(buyer).PostJson("/api/v1/orders/" + std::to_string(order) + "/cancel", boost::json::object{}).status,
            200);
  EXPECT_EQ(Int(Client().Get("/api/v1/products/" + std::to_string(id)).Json().at("stock")), 5);
}

}  // namespace
}  // namespace manmulsang::testing
