#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "http/qr_code_routes.hpp"
#include "listing_test_store.hpp"
#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/qr/qr_code.hpp"
#include "manmulsang/qr/qr_svg.hpp"
#include "manmulsang/search/trending_searches.hpp"

namespace manmulsang::catalog {
namespace {

class QrCodeRoutesTest : public ListingTestStore {
 protected:
  QrCodeRoutesTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, trending_);
    shop_ids_ = InsertShops();
    NewProduct product;
    product.seller = shop_ids_.at(0);
    product.category = catalog_.CategoryBySlug("computers-laptops").value().id;
    product.name = "아리랑 노트북";
    product.description = "설명";
    product.price = {2'500'000, core::Currency::kpw};
    product.stock = 3;
    const std::vector<NewProduct> products = {product, product};
    product_ids_ = catalog_.InsertProducts(products);
  }

  http::Response Get(std::string target,
                     std::vector<std::pair<std::string, std::string>> headers = {{"Host", "market.local:8080"}}) {
    http::BeastRequest message{http::Method::get, target, 11};
    for (const auto& [name, value] : headers) message.set(name, value);
    http::Request request(std::move(message), "127.0.0.1", "test");
    http::Response response = router_.Dispatch(request);
    if (response.shared) response.body = std::string(response.BodyView());
    return response;
  }

  // What the route must answer for an address: the same encoder and renderer, called directly.
  static std::string ExpectedSvg(const std::string& address) {
    return qr::QrSvg(*qr::QrCode::EncodeBytes(address), "QR 코드: " + address);
  }

  std::string ProductPath(std::size_t index) const { return "/p/" + std::to_string(product_ids_.at(index).value); }
  std::string ShopPath(std::size_t index) const { return "/s/" + std::to_string(shop_ids_.at(index).value); }

  search::TrendingSearches trending_{store_.database(), clock_};
  http::StaticAssets assets_{embedded::web_static()};
  html::Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
  http::PageCache page_cache_{clock_};
  http::Router router_;
  std::vector<core::SellerId> shop_ids_;
  std::vector<core::ProductId> product_ids_;
};

TEST_F(QrCodeRoutesTest, ProductCodeHoldsThePageAddressAndIsCachedLong) {
  const auto response = Get(ProductPath(0) + "/qr.svg");
  ASSERT_EQ(response.status, http::Status::ok) << response.body;
  EXPECT_EQ(response.content_type, "image/svg+xml");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_TRUE(response.cacheable);
  EXPECT_EQ(response.body, ExpectedSvg("http://market.local:8080" + ProductPath(0)));
  EXPECT_NE(response.body.find("<title>QR 코드: http://market.local:8080" + ProductPath(0) + "</title>"),
            std::string::npos);
}

TEST_F(QrCodeRoutesTest, ShopCodeHoldsThePageAddressOverTls) {
  const auto response = Get(ShopPath(0) + "/qr.svg", {{"Host", "시장.local"}, {"X-Forwarded-Proto", "HTTPS"}});
  // A Hangul Host is not a host name as it travels (that is punycode): refused, not encoded.
  EXPECT_EQ(response.status, http::Status::bad_request);
  const auto tls = Get(ShopPath(0) + "/qr.svg", {{"Host", "xn--9n3b.local"}, {"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(tls.status, http::Status::ok);
  EXPECT_EQ(tls.content_type, "image/svg+xml");
  EXPECT_EQ(tls.body, ExpectedSvg("https://xn--9n3b.local" + ShopPath(0)));
}

TEST_F(QrCodeRoutesTest, UnknownHiddenOrUnapprovedAre404AsTheirPages) {
  for (const std::string& target :
       std::vector<std::string>{"/p/999999/qr.svg", "/p/abc/qr.svg", "/p/0/qr.svg", "/s/999999/qr.svg", "/s/-1/qr.svg",
                                ShopPath(2) + "/qr.svg"}) {
    EXPECT_EQ(Get(target).status, http::Status::not_found) << target;
  }
  EXPECT_EQ(Get(ShopPath(2)).status, http::Status::not_found);  // the pending shop's page agrees
  store_.database().Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {product_ids_[1].value});
  });
  EXPECT_EQ(Get(ProductPath(1)).status, http::Status::not_found);
  EXPECT_EQ(Get(ProductPath(1) + "/qr.svg").status, http::Status::not_found);
  EXPECT_EQ(Get(ProductPath(0) + "/qr.svg").status, http::Status::ok);
}

TEST_F(QrCodeRoutesTest, HostThatIsNotAHostIsRefused) {
  for (const std::string& host :
       std::vector<std::string>{"", "evil.example/path", "a b", "market.local\">", std::string(300, 'a')}) {
    const auto response = Get(ProductPath(0) + "/qr.svg", {{"Host", host}});
    EXPECT_EQ(response.status, http::Status::bad_request) << host;
    EXPECT_EQ(response.body.find("<svg"), std::string::npos);
  }
  EXPECT_EQ(Get(ProductPath(0) + "/qr.svg", {{"Host", "[::1]:8080"}}).status, http::Status::ok);
  EXPECT_EQ(Get(ProductPath(0) + "/qr.svg", {{"Host", "10.0.0.5"}}).status, http::Status::ok);
}

TEST_F(QrCodeRoutesTest, ProductAndShopPagesLinkTheirCode) {
  const auto product = Get(ProductPath(0));
  ASSERT_EQ(product.status, http::Status::ok);
  EXPECT_NE(product.body.find("<a href=\"" + ProductPath(0) + "/qr.svg\"><img src=\"" + ProductPath(0) + "/qr.svg\""),
            std::string::npos);
  EXPECT_NE(product.body.find("alt=\"이 상품 페이지의 QR 코드\""), std::string::npos);

  const auto shop = Get(ShopPath(0));
  ASSERT_EQ(shop.status, http::Status::ok);
  EXPECT_NE(shop.body.find("<a href=\"" + ShopPath(0) + "/qr.svg\">"), std::string::npos);
  EXPECT_NE(shop.body.find("alt=\"이 상점 페이지의 QR 코드\""), std::string::npos);

  // The router here has no locale middleware: the request's context says English instead.
  http::BeastRequest message{http::Method::get, ProductPath(0), 11};
  message.set("Host", "market.local");
  http::Request request(std::move(message), "127.0.0.1", "test");
  request.context().locale = core::Locale::en;
  http::Response english = router_.Dispatch(request);
  if (english.shared) english.body = std::string(english.BodyView());
  EXPECT_NE(english.body.find("alt=\"QR code of this product page\""), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::catalog
