// Security headers, and pages that never reference another host (docs/ARCHITECTURE.md, principles and security model).
#include <regex>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class SecurityTest : public BlackBoxTest {};

TEST_F(SecurityTest, PagesSendTheSecurityHeaders) {
  std::string product = "/p/" + std::to_string(AnyProductId());
  for (const std::string& target : {std::string("/"), std::string("/login"), product, std::string("/no-such-page")}) {
    HttpResponse response = NewClient().Get(target);
    std::string policy = response.Header("Content-Security-Policy").value_or("");
    EXPECT_FALSE(policy.empty()) << target << " has no Content-Security-Policy";
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << target << ": " << policy;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << target << " allows inline code: " << policy;
    EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << target << ": " << policy;
    EXPECT_EQ(response.Header("X-Content-Type-Options").value_or(""), "nosniff") << target;
    EXPECT_TRUE(response.Header("Referrer-Policy").has_value()) << target;
  }
}

TEST_F(SecurityTest, ApiResponsesAreNosniff) {
  HttpResponse response = NewClient().Get("/api/v1/categories");
  EXPECT_EQ(response.Header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_NE(response.Header("Content-Type").value_or("").find("application/json"), std::string::npos);
}

TEST_F(SecurityTest, NoPageReferencesAnotherHost) {
  std::string product = "/p/" + std::to_string(AnyProductId());
  for (const std::string& target :
       {std::string("/"), std::string("/c/computers"), std::string("/c/food"), product, std::string("/login"),
        std::string("/register"), std::string("/search?q=a"), std::string("/p/999999999")}) {
    HttpResponse response = NewClient().Get(target);
    ASSERT_FALSE(response.body.empty()) << target;
    for (const std::string& url : FindUrlAttributes(response.body)) {
      EXPECT_FALSE(PointsToAnotherHost(url)) << target << " references " << url;
    }
    // CSS url(...) and @import inside the page.
    static const std::regex kCssUrl(R"((url\(\s*['"]?|@import\s+['"])(https?:|//))", std::regex::icase);
    EXPECT_FALSE(std::regex_search(response.body, kCssUrl)) << target << " loads CSS from another host";
  }
}

TEST_F(SecurityTest, StylesheetsAndScriptsStayLocal) {
  HttpResponse home = NewClient().Get("/");
  for (const std::string& url : FindUrlAttributes(home.body)) {
    if (!url.ends_with(".css") && !url.ends_with(".js") && url.find(".css?") == std::string::npos &&
        url.find(".js?") == std::string::npos) {
      continue;
    }
    ASSERT_TRUE(url.starts_with("/")) << url;
    HttpResponse asset = NewClient().Get(url);
    EXPECT_EQ(asset.status, 200) << url;
    static const std::regex kRemote(R"((url\(\s*['"]?|@import\s+['"]|fetch\(\s*['"]|src\s*=\s*['"])(https?:|//))",
                                    std::regex::icase);
    EXPECT_FALSE(std::regex_search(asset.body, kRemote)) << url << " reaches another host";
  }
}

TEST_F(SecurityTest, HtmlInProductQueryIsEscapedInJsonAndPages) {
  HttpResponse response = NewClient().Get("/api/v1/products?q=" + PercentEncode("<img src=x onerror=alert(1)>"));
  // Markup in a query is only text to search for.
  EXPECT_EQ(response.status, 200);
  HttpResponse page = NewClient().Get("/search?q=" + PercentEncode("\"><img src=x onerror=alert(1)>"));
  EXPECT_EQ(page.body.find("<img src=x onerror"), std::string::npos);
}

TEST_F(SecurityTest, PathTraversalFindsNothing) {
  for (const char* target :
       {"/static/../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd"}) {
    HttpResponse response = NewClient().Get(target);
    EXPECT_NE(response.status, 200) << target;
    EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace manmulsang::testing
