#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  // A value read when /metrics is scraped, for numbers that something else already keeps (the
  // store's size on disk, the page cache's entries and hits, the writer's queue): nothing is
  // sampled between scrapes and no thread is started. Registering the same name and labels again
  // replaces the reader (a second server in one test process). read runs under the registry
  // lock, so it must be quick and must not register metrics. A counter's read must never go down.
  static void GaugeCallback(std::string_view name, std::string_view help, std::function<double()> read,
                            std::string_view labels = {});
  static void CounterCallback(std::string_view name, std::string_view help, std::function<double()> read,
                              std::string_view labels = {});
  // Removes a reader added above (a family left with no metric at all goes too).
  static void RemoveCallback(std::string_view name, std::string_view labels = {}) noexcept;
  // A sampler runs once at the start of every scrape, before any reader and under the same lock,
  // so that several readers can share one costlier measurement (the search index's counts).
  // Returns the id that removes it.
  static std::uint64_t AddSampler(std::function<void()> sample);
  static void RemoveSampler(std::uint64_t id) noexcept;

  // Used by the server.
  static void ObserveRequest(std::string_view route, Method method, unsigned status,
                             std::chrono::microseconds duration);
  static GaugeMetric& InFlight();

  // Everything in text format 0.0.4.
  static std::string Render();
};

// Scrape-time readers registered for the life of this object, which must not outlive what they
// read: destroying it removes them, so no scrape reads a cache or store that is gone. The server
// keeps one beside the page cache and the services it reports on.
class MetricReaders {
 public:
  MetricReaders() = default;
  ~MetricReaders();
  MetricReaders(MetricReaders&& other) noexcept;
  MetricReaders& operator=(MetricReaders&& other) noexcept;
  MetricReaders(const MetricReaders&) = delete;
  MetricReaders& operator=(const MetricReaders&) = delete;

  // Metrics::GaugeCallback and Metrics::CounterCallback, remembered for removal.
  void Gauge(std::string_view name, std::string_view help, std::function<double()> read, std::string_view labels = {});
  void Counter(std::string_view name, std::string_view help, std::function<double()> read,
               std::string_view labels = {});
  // Metrics::AddSampler.
  void Sampler(std::function<void()> sample);

 private:
  void RemoveAll() noexcept;
  std::vector<std::pair<std::string, std::string>> registered_;  // name, labels
  std::vector<std::uint64_t> samplers_;
};

// GET /metrics answered with Metrics::Render().
Response MetricsResponse();
void AddMetricsRoute(Router& router);

}  // namespace manmulsang::http
