#include "manmulsang/http/page_cache.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

using namespace std::chrono_literals;

class PageCacheTest : public ::testing::Test {
 protected:
  core::ManualClock clock_{core::FromUnixSeconds(1'800'000'000)};
  PageCache cache_{clock_};
  Request request_ = testing::MakeRequest(Method::get, "/p/123");
  int renders_ = 0;

  Response Render(std::string body) {
    ++renders_;
    return Response::Html(std::move(body));
  }
};

std::string LongPage(std::string_view seed) {
  std::string page;
  for (int index = 0; index < 100; ++index) page += "<p>" + std::string(seed) + "</p>";
  return page;
}

TEST_F(PageCacheTest, RendersOnceUntilTheTtlPasses) {
  const std::string key = PageCache::Key("/p/123", "ko");
  const Response first = cache_.GetOrRender(request_, key, 10s, [&] { return Render(LongPage("a")); });
  EXPECT_EQ(renders_, 1);
  ASSERT_TRUE(first.shared);
  EXPECT_TRUE(first.cacheable);
  EXPECT_FALSE(first.shared->brotli.empty());
  EXPECT_FALSE(first.shared->gzip.empty());
  EXPECT_FALSE(first.shared->etag.empty());

  const Response second = cache_.GetOrRender(request_, key, 10s, [&] { return Render("other"); });
  EXPECT_EQ(renders_, 1);
  EXPECT_EQ(second.shared.get(), first.shared.get());

  clock_.Advance(11s);
  const Response third = cache_.GetOrRender(request_, key, 10s, [&] { return Render("fresh"); });
  EXPECT_EQ(renders_, 2);
  EXPECT_EQ(third.BodyView(), "fresh");
}

TEST_F(PageCacheTest, InvalidatesByPrefix) {
  for (const char* key : {"/p/123|ko", "/p/123|en?tab=qa", "/p/123/reviews|ko", "/p/1234|ko", "/c/food|ko"}) {
    cache_.Put(key, Response::Html("x"), 60s);
  }
  EXPECT_EQ(cache_.size(), 5u);
  cache_.Invalidate("/p/123");
  EXPECT_EQ(cache_.size(), 2u);
  EXPECT_TRUE(cache_.Get("/p/1234|ko"));
  EXPECT_FALSE(cache_.Get("/p/123|ko"));
  cache_.Invalidate("/c/");
  EXPECT_EQ(cache_.size(), 1u);
  cache_.Clear();
  EXPECT_EQ(cache_.size(), 0u);
}

// Two nodes: what one invalidates is broadcast, and the other, told, forgets the same pages —
// without broadcasting again.
TEST_F(PageCacheTest, InvalidationsReachTheOtherNodesThroughTheBroadcast) {
  PageCache other_node{clock_};
  std::vector<std::string> sent;
  cache_.SetBroadcast([&](std::string_view prefix) {
    sent.emplace_back(prefix);
    other_node.Forget(prefix);
  });
  std::vector<std::string> sent_by_other;
  other_node.SetBroadcast([&](std::string_view prefix) { sent_by_other.emplace_back(prefix); });
  for (PageCache* node : {&cache_, &other_node}) {
    node->Put("/p/7|ko", Response::Html("x"), 60s);
    node->Put("/p/8|ko", Response::Html("x"), 60s);
  }
  cache_.Invalidate("/p/7");
  EXPECT_FALSE(other_node.Get("/p/7|ko"));
  EXPECT_TRUE(other_node.Get("/p/8|ko"));
  cache_.Clear();
  EXPECT_EQ(other_node.size(), 0u);
  EXPECT_EQ(sent, (std::vector<std::string>{"/p/7", ""}));
  EXPECT_TRUE(sent_by_other.empty());
}

TEST_F(PageCacheTest, NeverStoresTokensCookiesOrErrors) {
  request_.csrf_token() = "visitor-token";
  std::string seen;
  cache_.GetOrRender(request_, "/a|ko", 60s, [&] {
    seen = request_.csrf_token();
    return Response::Html("page");
  });
  EXPECT_EQ(seen, "");
  EXPECT_EQ(request_.csrf_token(), "visitor-token");

  const Response not_found =
      cache_.GetOrRender(request_, "/b|ko", 60s, [] { return Response::Html("no", Status::not_found); });
  EXPECT_EQ(not_found.status, Status::not_found);
  EXPECT_FALSE(cache_.Get("/b|ko"));

  cache_.GetOrRender(request_, "/c|ko", 60s, [] {
    Response response = Response::Html("with cookie");
    response.SetCookie("a", "b");
    return response;
  });
  EXPECT_FALSE(cache_.Get("/c|ko"));
}

TEST_F(PageCacheTest, KeysFromRequests) {
  EXPECT_EQ(PageCache::Key("/p/1", "ko", "tab=qa"), "/p/1|ko?tab=qa");
  Request request = testing::MakeRequest(Method::get, "/c/food?page=2");
  cache_.Get(request, 60s, [] { return Response::Html("food"); });
  EXPECT_TRUE(cache_.Get("/c/food|ko?page=2"));
}

TEST_F(PageCacheTest, CountsHitsMissesAndTheBytesItHolds) {
  EXPECT_EQ(cache_.statistics().hits, 0u);
  EXPECT_EQ(cache_.statistics().bytes, 0u);
  const std::string key = PageCache::Key("/p/123", "ko");
  cache_.GetOrRender(request_, key, 10s, [&] { return Render(LongPage("a")); });
  cache_.GetOrRender(request_, key, 10s, [&] { return Render(LongPage("a")); });
  cache_.GetOrRender(request_, key, 10s, [&] { return Render(LongPage("a")); });
  PageCache::Statistics statistics = cache_.statistics();
  EXPECT_EQ(statistics.misses, 1u);
  EXPECT_EQ(statistics.hits, 2u);
  EXPECT_EQ(statistics.entries, 1u);
  const std::size_t one_page = cache_.Get(key)->shared->identity.size();
  EXPECT_GT(statistics.bytes, one_page);  // the key and the compressed variants on top

  // Replacing a page counts it once; invalidating and clearing give its bytes back.
  cache_.Put(key, Response::Html(LongPage("a")), 10s);
  EXPECT_EQ(cache_.statistics().bytes, statistics.bytes);
  cache_.Put("/c/food|ko", Response::Html("small"), 10s);
  EXPECT_GT(cache_.statistics().bytes, statistics.bytes);
  cache_.Invalidate("/c/food");
  EXPECT_EQ(cache_.statistics().bytes, statistics.bytes);
  cache_.Clear();
  statistics = cache_.statistics();
  EXPECT_EQ(statistics.entries, 0u);
  EXPECT_EQ(statistics.bytes, 0u);
  EXPECT_EQ(statistics.hits, 3u);  // the Get above was a hit too
}

TEST_F(PageCacheTest, BoundsItsSize) {
  PageCache small(clock_, 2);
  small.Put("/a", Response::Html("a"), 5s);
  small.Put("/b", Response::Html("b"), 60s);
  small.Put("/c", Response::Html("c"), 60s);  // full, nothing expired: not stored
  EXPECT_FALSE(small.Get("/c"));
  clock_.Advance(6s);
  small.Put("/c", Response::Html("c"), 60s);  // /a expired and swept
  EXPECT_TRUE(small.Get("/c"));
  EXPECT_EQ(small.size(), 2u);
}

TEST_F(PageCacheTest, IsThreadSafe) {
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&, thread] {
      for (int index = 0; index < 500; ++index) {
        const std::string key = "/p/" + std::to_string(index % 20) + "|ko";
        if (thread == 0 && index % 50 == 0) cache_.Invalidate("/p/" + std::to_string(index % 20));
        cache_.Put(key, Response::Html(key), 60s);
        const auto got = cache_.Get(key);
        if (got) {
          EXPECT_EQ(got->BodyView(), key);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(cache_.size(), 20u);
}

}  // namespace
}  // namespace manmulsang::http
