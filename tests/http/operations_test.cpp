// Health, metrics, public stats, compression and caching.
#include <thread>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;

class OperationsTest : public BlackBoxTest {};

TEST_F(OperationsTest, HealthzAnswers200) {
  HttpResponse response = NewClient().Get("/healthz");
  EXPECT_EQ(response.status, 200);
}

TEST_F(OperationsTest, MetricsAreInPrometheusTextFormat) {
  NewClient().Get("/");
  HttpResponse response = NewClient().Get("/metrics");
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.Header("Content-Type").value_or("").find("text/plain"), std::string::npos);
  EXPECT_NE(response.body.find("requests_total"), std::string::npos) << response.body.substr(0, 500);
  EXPECT_NE(response.body.find("# TYPE"), std::string::npos);
}

TEST_F(OperationsTest, StatsHaveTheirShape) {
  HttpResponse response = NewClient().Get("/api/v1/stats");
  ASSERT_EQ(response.status, 200) << response.body;
  const boost::json::object stats = AsObject(response.Json());
  for (const char* key : {"visits_total", "visits_today", "members", "products", "sellers"}) {
    ASSERT_TRUE(stats.contains(key)) << "missing " << key << ": " << response.body;
    EXPECT_TRUE(stats.at(key).is_int64() || stats.at(key).is_uint64()) << key;
    EXPECT_GE(stats.at(key).to_number<std::int64_t>(), 0) << key;
  }
  EXPECT_GE(stats.at("products").to_number<std::int64_t>(), kDemoProducts / 2);
  EXPECT_GT(stats.at("sellers").to_number<std::int64_t>(), 0);
  EXPECT_GT(stats.at("members").to_number<std::int64_t>(), 0);
  EXPECT_GE(stats.at("visits_total").to_number<std::int64_t>(), stats.at("visits_today").to_number<std::int64_t>());
}

TEST_F(OperationsTest, AVisitWithAFreshCookieJarCounts) {
  auto visits_today = [&] {
    return NewClient().Get("/api/v1/stats").Json().at("visits_today").to_number<std::int64_t>();
  };
  std::int64_t before = visits_today();
  HttpResponse page = NewClient().Get("/");
  ASSERT_EQ(page.status, 200);
  // Counts gather in memory and reach the stats within a few seconds.
  std::int64_t after = before;
  for (auto deadline = std::chrono::steady_clock::now() + 20s;
       after <= before && std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(250ms)) {
    after = visits_today();
  }
  EXPECT_GT(after, before) << "a page view with a new visitor cookie did not count as a visit";
}

TEST_F(OperationsTest, HomeNegotiatesGzipAndBrotli) {
  HttpResponse plain = NewClient().Get("/");
  ASSERT_EQ(plain.status, 200);
  EXPECT_FALSE(plain.Header("Content-Encoding").has_value()) << "compressed without Accept-Encoding";

  HttpResponse gzip = NewClient().Get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(gzip.status, 200);
  EXPECT_EQ(gzip.Header("Content-Encoding").value_or(""), "gzip");
  EXPECT_NE(gzip.Header("Vary").value_or("").find("Accept-Encoding"), std::string::npos);
  std::string from_gzip = Gunzip(gzip.body);
  EXPECT_NE(from_gzip.find("</html>"), std::string::npos);
  EXPECT_LT(gzip.body.size(), from_gzip.size());

  HttpResponse brotli = NewClient().Get("/", {{"Accept-Encoding", "br"}});
  ASSERT_EQ(brotli.status, 200);
  EXPECT_EQ(brotli.Header("Content-Encoding").value_or(""), "br");
  std::string from_brotli = BrotliDecode(brotli.body);
  EXPECT_NE(from_brotli.find("</html>"), std::string::npos);

  HttpResponse both = NewClient().Get("/", {{"Accept-Encoding", "gzip, deflate, br"}});
  std::string encoding = both.Header("Content-Encoding").value_or("");
  EXPECT_EQ(encoding, "br") << "brotli is preferred when the client rates both the same";

  HttpResponse refused = NewClient().Get("/", {{"Accept-Encoding", "gzip;q=0, br;q=0"}});
  EXPECT_FALSE(refused.Header("Content-Encoding").has_value()) << "q=0 means not acceptable";

  // docs/ARCHITECTURE.md, performance model page budget: home ≤ 30 KB compressed.
  EXPECT_LE(gzip.body.size(), 30u * 1024) << "home page gzip size";
}

TEST_F(OperationsTest, ProductPageWithinItsBudget) {
  HttpResponse gzip = NewClient().Get("/p/" + std::to_string(AnyProductId()), {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(gzip.status, 200);
  // docs/ARCHITECTURE.md, performance model page budget: product page ≤ 25 KB compressed.
  EXPECT_LE(gzip.body.size(), 25u * 1024);
}

TEST_F(OperationsTest, HomeHasAnETagAndAnswers304) {
  HttpClient client = NewClient();
  client.Get("/");  // the first visit sets the visitor's cookies
  HttpResponse first = client.Get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(first.status, 200);
  std::optional<std::string> etag = first.Header("ETag");
  ASSERT_TRUE(etag.has_value()) << "/ has no ETag";
  HttpResponse again = client.Get("/", {{"Accept-Encoding", "gzip"}, {"If-None-Match", *etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  HttpResponse changed = client.Get("/", {{"If-None-Match", "\"something-else\""}});
  EXPECT_EQ(changed.status, 200);
}

TEST_F(OperationsTest, StaticAssetsAreCachedWithETags) {
  HttpResponse home = NewClient().Get("/");
  std::string stylesheet;
  for (const std::string& url : FindUrlAttributes(home.body)) {
    if (url.starts_with("/") && url.find(".css") != std::string::npos) stylesheet = url;
  }
  ASSERT_FALSE(stylesheet.empty()) << "the home page links no stylesheet";
  HttpResponse first = NewClient().Get(stylesheet);
  ASSERT_EQ(first.status, 200) << stylesheet;
  EXPECT_NE(first.Header("Content-Type").value_or("").find("text/css"), std::string::npos);
  std::optional<std::string> etag = first.Header("ETag");
  ASSERT_TRUE(etag.has_value());
  EXPECT_TRUE(first.Header("Cache-Control").has_value());
  EXPECT_EQ(NewClient().Get(stylesheet, {{"If-None-Match", *etag}}).status, 304);
}

}  // namespace
}  // namespace manmulsang::testing
