#include "manmulsang/http/static_assets.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

std::string Css() {
  std::string css;
  for (int index = 0; index < 100; ++index) css += ".tile-" + std::to_string(index) + " { color: #123456; }\n";
  return css;
}

const std::string kCss = Css();
const core::EmbeddedFile kFiles[] = {
    {"site.css", kCss},
    {"site.js", "document.documentElement.classList.add('js');"},
    {"icons/cart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"},
    {"favicon.ico", std::string_view("\0\0\1\0", 4)},
    {"logo-mark.png", std::string_view("\x89PNG\r\n", 6)},
};

TEST(StaticAssetsTest, NamesCarryAContentHash) {
  const StaticAssets assets(kFiles);
  const std::string url(assets.Url("site.css"));
  EXPECT_TRUE(std::regex_match(url, std::regex("/assets/site\\.[0-9a-f]{8}\\.css"))) << url;
  EXPECT_TRUE(std::regex_match(std::string(assets.Url("icons/cart.svg")),
                               std::regex("/assets/icons/cart\\.[0-9a-f]{8}\\.svg")));
  EXPECT_TRUE(assets.Url("missing.css").empty());

  const core::EmbeddedFile changed[] = {{"site.css", "body{}"}};
  EXPECT_NE(StaticAssets(changed).Url("site.css"), url);
}

TEST(StaticAssetsTest, UrlsForTemplates) {
  const StaticAssets assets(kFiles);
  std::map<std::string, std::string> urls;
  for (const auto& [key, url] : assets.Urls()) urls[key] = url;
  EXPECT_EQ(urls["site_css"], assets.Url("site.css"));
  EXPECT_EQ(urls["icons_cart_svg"], assets.Url("icons/cart.svg"));
  EXPECT_EQ(urls["logo_mark_png"], assets.Url("logo-mark.png"));
}

TEST(StaticAssetsTest, ServesHashedNamesImmutablyWithPrecompressedBodies) {
  const StaticAssets assets(kFiles);
  Router router;
  assets.AddRoutes(router);
  Request request = testing::MakeRequest(Method::get, assets.Url("site.css"));
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=31536000, immutable");
  ASSERT_TRUE(response.shared);
  EXPECT_EQ(response.shared->identity, kCss);
  EXPECT_FALSE(response.shared->gzip.empty());
  EXPECT_FALSE(response.shared->brotli.empty());
  EXPECT_LT(response.shared->brotli.size(), kCss.size());
  EXPECT_TRUE(response.cacheable);
}

TEST(StaticAssetsTest, ServesTypesFoldersPlainNamesAndFavicon) {
  const StaticAssets assets(kFiles);
  Router router;
  assets.AddRoutes(router);
  auto get = [&](std::string_view target) {
    Request request = testing::MakeRequest(Method::get, target);
    return router.Dispatch(request);
  };
  EXPECT_EQ(get(assets.Url("icons/cart.svg")).content_type, "image/svg+xml");
  EXPECT_EQ(get(assets.Url("site.js")).content_type, "application/javascript; charset=utf-8");
  const Response png = get(assets.Url("logo-mark.png"));
  EXPECT_EQ(png.content_type, "image/png");
  EXPECT_TRUE(png.shared->brotli.empty());
  const Response plain = get("/assets/site.css");
  EXPECT_EQ(plain.status, Status::ok);
  EXPECT_EQ(plain.Header("Cache-Control"), "public, no-cache");
  EXPECT_EQ(get("/favicon.ico").content_type, "image/x-icon");
  EXPECT_EQ(get("/assets/site.00000000.css").status, Status::not_found);
  EXPECT_EQ(get("/assets/nothing").status, Status::not_found);
}

TEST(StaticAssetsTest, ContentTypes) {
  EXPECT_EQ(ContentTypeForFile("a.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeForFile("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeForFile("noextension"), "application/octet-stream");
}

}  // namespace
}  // namespace manmulsang::http
