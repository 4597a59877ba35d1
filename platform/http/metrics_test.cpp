#include "manmulsang/http/metrics.hpp"

#include <gtest/gtest.h>

#include "manmulsang/http/router.hpp"
#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

TEST(MetricsTest, CountsRequestsByRouteMethodAndStatus) {
  Metrics::ObserveRequest("/metrics-test/:id", Method::get, 200, std::chrono::microseconds(1500));
  Metrics::ObserveRequest("/metrics-test/:id", Method::get, 200, std::chrono::microseconds(30));
  Metrics::ObserveRequest("/metrics-test/:id", Method::post, 403, std::chrono::microseconds(20'000'000));
  const std::string text = Metrics::Render();
  EXPECT_NE(text.find("http_requests_total{route=\"/metrics-test/:id\",method=\"GET\",status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("http_requests_total{route=\"/metrics-test/:id\",method=\"POST\",status=\"403\"} 1\n"),
            std::string::npos);
  EXPECT_NE(
      text.find("http_request_duration_seconds_bucket{route=\"/metrics-test/:id\",method=\"GET\",le=\"0.001\"} 1\n"),
      std::string::npos);
  EXPECT_NE(
      text.find("http_request_duration_seconds_bucket{route=\"/metrics-test/:id\",method=\"GET\",le=\"0.0025\"} 2\n"),
      std::string::npos);
  EXPECT_NE(
      text.find("http_request_duration_seconds_bucket{route=\"/metrics-test/:id\",method=\"POST\",le=\"10\"} 0\n"),
      std::string::npos);
  EXPECT_NE(text.find("http_request_duration_seconds_count{route=\"/metrics-test/:id\",method=\"POST\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE http_request_duration_seconds histogram\n"), std::string::npos);
  EXPECT_NE(text.find("http_requests_in_flight "), std::string::npos);
}

TEST(MetricsTest, OthersAddCountersGaugesAndCallbacks) {
  CounterMetric& placed = Metrics::Counter("metrics_test_orders_total", "Orders placed.", "method=\"wallet\"");
  placed.Increment();
  placed.Increment(2);
  EXPECT_EQ(&placed, &Metrics::Counter("metrics_test_orders_total", "Orders placed.", "method=\"wallet\""));
  Metrics::Gauge("metrics_test_queue", "Queued jobs.").Set(7);
  Metrics::GaugeCallback("metrics_test_cache_entries", "Entries.", [] { return 42.0; });
  const std::string text = Metrics::Render();
  EXPECT_NE(text.find("# HELP metrics_test_orders_total Orders placed.\n# TYPE metrics_test_orders_total counter\n"),
            std::string::npos);
  EXPECT_NE(text.find("metrics_test_orders_total{method=\"wallet\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("metrics_test_queue 7\n"), std::string::npos);
  EXPECT_NE(text.find("metrics_test_cache_entries 42\n"), std::string::npos);
  EXPECT_THROW(Metrics::Counter("bad name", "x"), std::invalid_argument);
  EXPECT_THROW(Metrics::Gauge("metrics_test_orders_total", "x"), std::invalid_argument);
}

TEST(MetricsTest, ReadersAreReadAtEveryScrapeUnderOneHelpAndType) {
  double hits = 1;
  double queue = 5;
  int samples = 0;
  {
    MetricReaders readers;
    readers.Sampler([&] { ++samples; });
    readers.Counter(
        "metrics_test_cache_lookups_total", "Look-ups.", [&] { return hits; }, "result=\"hit\"");
    readers.Counter(
        "metrics_test_cache_lookups_total", "Look-ups.", [] { return 4.0; }, "result=\"miss\"");
    readers.Gauge("metrics_test_writers_waiting", "Writers queued.", [&] { return queue; });
    std::string text = Metrics::Render();
    EXPECT_NE(text.find("# HELP metrics_test_cache_lookups_total Look-ups.\n"
                        "# TYPE metrics_test_cache_lookups_total counter\n"
                        "metrics_test_cache_lookups_total{result=\"hit\"} 1\n"
                        "metrics_test_cache_lookups_total{result=\"miss\"} 4\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("# TYPE metrics_test_writers_waiting gauge\nmetrics_test_writers_waiting 5\n"),
              std::string::npos);

    hits = 3;  // sampled when scraped, not when registered
    queue = 0;
    text = Metrics::Render();
    EXPECT_NE(text.find("metrics_test_cache_lookups_total{result=\"hit\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("metrics_test_writers_waiting 0\n"), std::string::npos);
    EXPECT_EQ(samples, 2);  // once a scrape, whatever the number of readers

    // A name read at scrape time is not also kept by hand, nor registered with another type.
    EXPECT_THROW(Metrics::Counter("metrics_test_cache_lookups_total", "x", "result=\"hit\""), std::invalid_argument);
    EXPECT_THROW(Metrics::GaugeCallback("metrics_test_cache_lookups_total", "x", [] { return 0.0; }),
                 std::invalid_argument);
    EXPECT_THROW(readers.Gauge("bad name", "x", [] { return 0.0; }), std::invalid_argument);
  }
  // Gone with the readers' owner: a scrape never calls into what it read.
  const std::string text = Metrics::Render();
  EXPECT_EQ(text.find("metrics_test_cache_lookups_total"), std::string::npos) << text;
  EXPECT_EQ(text.find("metrics_test_writers_waiting"), std::string::npos);
  EXPECT_EQ(samples, 2);
}

TEST(MetricsTest, ServedAtMetrics) {
  Router router;
  AddMetricsRoute(router);
  Request request = testing::MakeRequest(Method::get, "/metrics");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(response.body.find("process_start_time_seconds"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::http
