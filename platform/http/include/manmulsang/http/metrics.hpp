#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::http {

class Router;

// A monotonically rising count (requests, orders placed). Increment is one relaxed atomic add,
// so it can sit on any hot path.
class CounterMetric {
 public:
  void Increment(std::uint64_t by = 1) noexcept { value_.fetch_add(by, std::memory_order_relaxed); }
  std::uint64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

// A value that goes up and down (queue length, open connections).
class GaugeMetric {
 public:
  void Set(std::int64_t value) noexcept { value_.store(value, std::memory_order_relaxed); }
  void Add(std::int64_t by) noexcept { value_.fetch_add(by, std::memory_order_relaxed); }
  std::int64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

// The process-wide metrics registry, rendered as Prometheus text format 0.0.4 at GET /metrics.
// Process-wide because counters are incremented from deep inside services that should not have
// to carry a registry around; registration takes a lock, updates never do.
//
// The server records, for every request: http_requests_total{route,method,status},
// http_request_duration_seconds{route,method} (a histogram) and http_requests_in_flight.
// route is the matched pattern ("/p/:id"), never the raw path, so the label set stays small.
class Metrics {
 public:
  // Returns the metric registered under name and labels, creating it on first use (so callers
  // may keep the reference in a static). labels is the inside of the braces, already formatted:
  // R"(kind="upload")"; empty for none. Throws std::invalid_argument for a name that is not a
  // Prometheus metric name or that is already registered with another type.
  static CounterMetric& Counter(std::string_view name, std::string_view help, std::string_view labels = {});
  static GaugeMetric& Gauge(std::string_view name, std::string_view help, std::string_view labels = {});
  // A gauge read when /metrics is scraped (database size, cache entries). read runs under the
  // registry lock, so it must be quick and must not register metrics.
  static void GaugeCallback(std::string_view name, std::string_view help, std::function<double()> read);

  // Used by the server.
  static void ObserveRequest(std::string_view route, Method method, unsigned status,
                             std::chrono::microseconds duration);
  static GaugeMetric& InFlight();

  // Everything in text format 0.0.4.
  static std::string Render();
};

// GET /metrics answered with Metrics::Render().
Response MetricsResponse();
void AddMetricsRoute(Router& router);

}  // namespace manmulsang::http
