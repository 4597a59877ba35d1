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
  EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/metrics-test/:id\",method=\"GET\",le=\"0.001\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/metrics-test/:id\",method=\"GET\",le=\"0.0025\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/metrics-test/:id\",method=\"POST\",le=\"10\"} 0\n"),
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
