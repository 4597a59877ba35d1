#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <array>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "listing_test_store.hpp"
#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "temp_directory.hpp"
#include "test_images.hpp"
#include "test_uploads.hpp"

namespace manmulsang::catalog {
namespace {

namespace images = image::testing;
using media::testing::FilePart;
using media::testing::TextPart;

// The seller's listing API and pages through the real router, renderer and image pipeline.
class ListingHttpTest : public ListingTestStore {
 protected:
  ListingHttpTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, trending_);
    AddListingRoutes(router_, renderer_, catalog_, listings_, page_cache_, media_);
    shops_ = InsertShops();
  }

  http::Response Send(http::Method method, std::string target, std::optional<std::int64_t> user, std::string body = {},
                      std::string content_type = "application/json") {
    http::BeastRequest message{method, target, 11};
    if (!body.empty()) {
      message.set(boost::beast::http::field::content_type, content_type);
      message.body() = std::move(body);
      message.prepare_payload();
    }
    http::Request request(std::move(message), "127.0.0.1", "test");
    if (user) request.context().actor.user = core::UserId{*user};
    return Dispatch(request);
  }

  http::Response Upload(std::string target, std::int64_t user, const std::string& content) {
    http::Request request = media::testing::MultipartRequest(http::Method::post, target, {FilePart("image", content)});
    request.context().actor.user = core::UserId{user};
    return Dispatch(request);
  }

  http::Response Dispatch(http::Request& request) {
    http::Response response = router_.Dispatch(request);
    if (response.shared) response.body = std::string(response.BodyView());
    return response;
  }

  static boost::json::object Json(const http::Response& response) {
    return boost::json::parse(response.body).as_object();
  }

  std::int64_t CreateCoat(std::int64_t user = 1) {
    auto response = Send(http::Method::post, "/api/v1/seller/products", user, std::string(kCoat));
    EXPECT_EQ(response.status, http::Status::created) << response.body;
    return Json(response).at("id").as_int64();
  }

  static constexpr std::string_view kCoat = R"({"category": "clothing-winter", "name": "솜동복",
      "description": "따뜻한 겨울옷", "price": {"amount": 40000, "currency": "KPW"},
      "variants": [{"size": "M", "colour": "검정", "price": {"amount": 45000}, "stock": 3},
                   {"size": "L", "colour": "검정", "price": {"amount": 42000}, "stock": 2}]})";

  manmulsang::testing::TempDirectory directory_;
  search::TrendingSearches trending_{store_.database(), clock_};
  media::MediaLibrary media_{directory_ / "media"};
  http::StaticAssets assets_{embedded::web_static()};
  html::Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
  http::PageCache page_cache_{clock_};
  http::Router router_;
  std::vector<core::SellerId> shops_;
};

TEST_F(ListingHttpTest, CreateWithOptionsThenReadListAndPatch) {
  const std::int64_t id = CreateCoat();
  auto read = Send(http::Method::get, "/api/v1/seller/products/" + std::to_string(id), 1);
  ASSERT_EQ(read.status, http::Status::ok) << read.body;
  auto listing = Json(read);
  EXPECT_EQ(listing.at("status").as_string(), "active");
  EXPECT_EQ(listing.at("stock").as_int64(), 5);
  EXPECT_EQ(listing.at("price").at("amount").as_int64(), 42'000);
  ASSERT_EQ(listing.at("variants").as_array().size(), 2u);

  auto list = Json(Send(http::Method::get, "/api/v1/seller/products", 1));
  EXPECT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").as_array().size(), 1u);

  // The public product shows the options; the cart takes their ids.
  auto public_product = Json(Send(http::Method::get, "/api/v1/products/" + std::to_string(id), std::nullopt));
  EXPECT_EQ(public_product.at("variants").as_array().at(0).at("size").as_string(), "M");

  auto patched = Send(http::Method::patch, "/api/v1/seller/products/" + std::to_string(id), 1,
                      R"({"name": "솜동복 2", "status": "hidden"})");
  ASSERT_EQ(patched.status, http::Status::ok) << patched.body;
  EXPECT_EQ(Json(patched).at("name").as_string(), "솜동복 2");
  EXPECT_EQ(Json(patched).at("status").as_string(), "hidden");
  EXPECT_EQ(Json(patched).at("variants").as_array().size(), 2u);  // left out: kept
  EXPECT_EQ(Send(http::Method::get, "/api/v1/products/" + std::to_string(id), std::nullopt).status,
            http::Status::not_found);
  EXPECT_EQ(Send(http::Method::post, "/api/v1/seller/products/" + std::to_string(id) + "/show", 1).status,
            http::Status::ok);
  EXPECT_EQ(Send(http::Method::get, "/api/v1/products/" + std::to_string(id), std::nullopt).status, http::Status::ok);
}

TEST_F(ListingHttpTest, AnotherShopGetsNotFoundAndNothingChanges) {
  const std::int64_t id = CreateCoat();
  const std::string path = "/api/v1/seller/products/" + std::to_string(id);
  EXPECT_EQ(Send(http::Method::get, path, 2).status, http::Status::not_found);
  EXPECT_EQ(Send(http::Method::patch, path, 2, R"({"name": "가로채기"})").status, http::Status::not_found);
  EXPECT_EQ(Send(http::Method::patch, path, 2, R"({"name": ""})").status, http::Status::not_found);
  EXPECT_EQ(Send(http::Method::post, path + "/hide", 2).status, http::Status::not_found);
  EXPECT_EQ(Send(http::Method::delete_, path, 2).status, http::Status::not_found);
  EXPECT_EQ(Upload(path + "/images", 2, images::Jpeg(images::RedLeftBlueRight(64, 48))).status,
            http::Status::not_found);
  EXPECT_EQ(Send(http::Method::delete_, path + "/images/0", 2).status, http::Status::not_found);
  EXPECT_EQ(Send(http::Method::delete_, path + "/images/x", 2).status, http::Status::not_found);
  // The pages too.
  const std::string page = "/seller/products/" + std::to_string(id);
  EXPECT_EQ(Send(http::Method::get, page + "/edit", 2).status, http::Status::not_found);
  EXPECT_EQ(
      Send(http::Method::post, page, 2, "name=x&category=clothing&price=1&stock=1", "application/x-www-form-urlencoded")
          .status,
      http::Status::not_found);
  EXPECT_EQ(Send(http::Method::post, page + "/hide", 2).status, http::Status::not_found);
  EXPECT_EQ(Send(http::Method::post, page + "/delete", 2).status, http::Status::not_found);

  auto product = catalog_.GetProduct(core::ProductId{id});
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->name, "솜동복");
  EXPECT_TRUE(product->images.empty());
}

TEST_F(ListingHttpTest, RefusalsSayWhoAndWhichField) {
  EXPECT_EQ(Send(http::Method::get, "/api/v1/seller/products", std::nullopt).status, http::Status::unauthorized);
  auto applicant = Send(http::Method::post, "/api/v1/seller/products", 3, std::string(kCoat));
  EXPECT_EQ(applicant.status, http::Status::forbidden);
  EXPECT_EQ(Json(applicant).at("error").at("code").as_string(), "not_a_seller");

  auto field_of = [&](std::string body) {
    auto response = Send(http::Method::post, "/api/v1/seller/products", 1, std::move(body));
    EXPECT_EQ(response.status, http::Status::bad_request) << response.body;
    auto error = Json(response).at("error").as_object();
    EXPECT_FALSE(error.at("message").as_string().empty());
    return std::string(error.at("field").as_string());
  };
  EXPECT_EQ(field_of(R"({"category": "food", "name": "", "price": {"amount": 1}})"), "name");
  EXPECT_EQ(field_of(R"({"category": "food", "name": 5, "price": {"amount": 1}})"), "name");
  EXPECT_EQ(field_of(R"({"category": "nope", "name": "쌀", "price": {"amount": 1}})"), "category");
  EXPECT_EQ(field_of(R"({"category": "food", "name": "쌀", "price": {"amount": -1}})"), "price");
  EXPECT_EQ(field_of(R"({"category": "food", "name": "쌀", "price": {"amount": 1, "currency": "EUR"}})"), "price");
  EXPECT_EQ(field_of(R"({"category": "food", "name": "쌀", "price": {"amount": 1}, "stock": 1.5})"), "stock");
  EXPECT_EQ(field_of(R"({"category": "food", "name": "쌀", "variants": [{"size": "", "price": {"amount": 1}}]})"),
            "variants[0].size");
  EXPECT_EQ(Send(http::Method::post, "/api/v1/seller/products", 1, "{not json").status, http::Status::bad_request);
  EXPECT_EQ(catalog_.CountActiveProducts(), 0);

  // The page: an applicant is told why; a bad field comes back marked with what was typed.
  auto page = Send(http::Method::get, "/seller/products/new", 3);
  EXPECT_EQ(page.status, http::Status::forbidden);
  EXPECT_NE(page.body.find("/seller/apply"), std::string::npos);
  auto refused =
      Send(http::Method::post, "/seller/products", 1, "category=food&name=%EC%8C%80&price=abc&currency=KPW&stock=3",
           "application/x-www-form-urlencoded");
  EXPECT_EQ(refused.status, http::Status::bad_request);
  EXPECT_NE(refused.body.find("id=\"listing-price\" name=\"price\" value=\"abc\""), std::string::npos);
  EXPECT_NE(refused.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_EQ(catalog_.CountActiveProducts(), 0);
}

TEST_F(ListingHttpTest, PagesCreateEditHideAndDeleteWithoutScript) {
  auto created =
      Send(http::Method::post, "/seller/products", 1,
           "category=clothing-winter&name=%EC%86%9C%EB%8F%99%EB%B3%B5&description=&price=&currency=KPW&stock="
           "&variant_id=&variant_size=M&variant_colour=&variant_price=45000&variant_stock=3"
           "&variant_id=&variant_size=&variant_colour=&variant_price=&variant_stock=",
           "application/x-www-form-urlencoded");
  ASSERT_EQ(created.status, http::Status::see_other) << created.body;
  const std::string location(created.Header("Location"));
  ASSERT_TRUE(location.starts_with("/seller/products/")) << location;
  const std::string id = location.substr(17, location.find('/', 17) - 17);

  auto edit = Send(http::Method::get, "/seller/products/" + id + "/edit", 1);
  ASSERT_EQ(edit.status, http::Status::ok);
  EXPECT_NE(edit.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(edit.body.find("name=\"variant_size\" value=\"M\""), std::string::npos);

  // The product page offers the option in a plain select.
  auto product_page = Send(http::Method::get, "/p/" + id, std::nullopt);
  ASSERT_EQ(product_page.status, http::Status::ok);
  EXPECT_NE(product_page.body.find("<select id=\"product-option\" name=\"product_id\""), std::string::npos);

  auto list = Send(http::Method::get, "/seller/products", 1);
  EXPECT_NE(list.body.find("솜동복"), std::string::npos);
  EXPECT_EQ(Send(http::Method::post, "/seller/products/" + id + "/hide", 1).status, http::Status::see_other);
  EXPECT_EQ(Send(http::Method::get, "/p/" + id, std::nullopt).status, http::Status::not_found);
  EXPECT_NE(Send(http::Method::get, "/seller/products?status=hidden", 1).body.find("솜동복"), std::string::npos);

  auto confirm = Send(http::Method::get, "/seller/products/" + id + "/delete", 1);
  EXPECT_EQ(confirm.status, http::Status::ok);
  EXPECT_NE(confirm.body.find("action=\"/seller/products/" + id + "/delete\""), std::string::npos);
  EXPECT_EQ(Send(http::Method::post, "/seller/products/" + id + "/delete", 1).status, http::Status::see_other);
  EXPECT_EQ(Send(http::Method::get, "/seller/products/" + id + "/edit", 1).status, http::Status::not_found);
}

TEST_F(ListingHttpTest, PhotosAreStoredInTwoSizesAndHostileFilesRefused) {
  const std::int64_t id = CreateCoat();
  const std::string path = "/api/v1/seller/products/" + std::to_string(id) + "/images";
  auto added = Upload(path, 1, images::Jpeg(images::RedLeftBlueRight(1600, 1200)));
  ASSERT_EQ(added.status, http::Status::created) << added.body;
  auto image = Json(added).at("images").as_array().at(0).as_object();
  EXPECT_NE(image.at("url").as_string(), image.at("list_url").as_string());

  auto not_an_image = Upload(path, 1, "<svg onload=alert(1)></svg>");
  EXPECT_EQ(not_an_image.status, http::Status::unsupported_media_type) << not_an_image.body;
  // The page says it in Korean and keeps the form.
  auto page = Upload("/seller/products/" + std::to_string(id) + "/images", 1, "plain text, not a picture");
  EXPECT_EQ(page.status, http::Status::unsupported_media_type);
  EXPECT_NE(page.body.find("이미지 파일이 아닙니다"), std::string::npos);

  auto listing = listings_.Get(core::Actor{core::UserId{1}}, core::ProductId{id});
  ASSERT_EQ(listing->images.size(), 1u);

  // Cards take the list size; the product page the detail size.
  auto shop = Send(http::Method::get, "/s/" + std::to_string(shops_[0].value), std::nullopt);
  EXPECT_NE(shop.body.find(std::string(image.at("list_url").as_string())), std::string::npos);
  auto product_page = Send(http::Method::get, "/p/" + std::to_string(id), std::nullopt);
  EXPECT_NE(product_page.body.find(std::string(image.at("url").as_string())), std::string::npos);

  auto removed = Send(http::Method::delete_, path + "/0", 1);
  ASSERT_EQ(removed.status, http::Status::ok);
  EXPECT_TRUE(Json(removed).at("images").as_array().empty());
  EXPECT_EQ(Send(http::Method::delete_, path + "/0", 1).status, http::Status::bad_request);
}

TEST_F(ListingHttpTest, ShopPageShowsItsRating) {
  const std::int64_t id = CreateCoat();
  store_->Write([&](db::Connection& connection) { catalog_.SetRating(connection, core::ProductId{id}, 4.0, 2); });
  auto shop = Send(http::Method::get, "/s/" + std::to_string(shops_[0].value), std::nullopt);
  ASSERT_EQ(shop.status, http::Status::ok);
  EXPECT_NE(shop.body.find("shop-rating"), std::string::npos);
  EXPECT_NE(shop.body.find("4.0"), std::string::npos);
}

// Product and shop page views count as visits to the shop, with the search words that led there,
// whether the page cache answered or not.
class ShopVisitTest : public ::testing::Test {
 protected:
  ShopVisitTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, trending_, &analytics_);
    std::vector<sellers::NewShop> shops = {{core::UserId{1}, "평양 옷가게", "", "평양", sellers::ShopStatus::approved}};
    shop_ = sellers_.InsertShops(shops).front();
    std::vector<NewProduct> products(1);
    products[0].seller = shop_;
    products[0].category = catalog_.CategoryBySlug("clothing")->id;
    products[0].name = "솜동복";
    products[0].price = {40'000, core::Currency::kpw};
    products[0].stock = 3;
    product_ = catalog_.InsertProducts(products).front();
  }

  http::Response View(const std::string& target, std::string_view referer = {}) {
    http::BeastRequest message{http::Method::get, target, 11};
    message.set(boost::beast::http::field::host, "market.example");
    if (!referer.empty()) message.set(boost::beast::http::field::referer, referer);
    http::Request request(std::move(message), "127.0.0.1", "test");
    return router_.Dispatch(request);
  }

  testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  sellers::SellerService& sellers_ = store_.services().sellers;
  search::TrendingSearches& trending_ = store_.services().trending;
  CatalogService& catalog_ = store_.services().catalog;
  analytics::AnalyticsService& analytics_ = store_.services().analytics;
  http::StaticAssets assets_{embedded::web_static()};
  html::Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
  http::PageCache page_cache_{clock_};
  http::Router router_;
  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(ShopVisitTest, ProductAndShopViewsCountCachedOnesTooWithTheSearchWords) {
  const std::string product = "/p/" + std::to_string(product_.value);
  EXPECT_EQ(View(product, "http://market.example/search?q=%EC%86%9C%EB%8F%99%EB%B3%B5").status, http::Status::ok);
  EXPECT_EQ(View(product, "http://market.example/search?q=%EC%86%9C%EB%8F%99%EB%B3%B5").status, http::Status::ok);
  EXPECT_EQ(View(product, "http://elsewhere.example/search?q=spam").status, http::Status::ok);
  EXPECT_EQ(View("/s/" + std::to_string(shop_.value)).status, http::Status::ok);
  // Pages that are not found count for nobody.
  EXPECT_EQ(View("/p/999999").status, http::Status::not_found);
  EXPECT_EQ(View("/s/999999").status, http::Status::not_found);

  const analytics::ShopTraffic traffic = analytics_.ShopTrafficOf(shop_, 1);
  EXPECT_EQ(traffic.views_today, 4);
  ASSERT_EQ(traffic.search_terms.size(), 1u);
  EXPECT_EQ(traffic.search_terms[0].query, "솜동복");
  EXPECT_EQ(traffic.search_terms[0].count, 2);
}

}  // namespace
}  // namespace manmulsang::catalog
