#include "manmulsang/http/metrics.hpp"

#include <array>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "manmulsang/http/router.hpp"

namespace manmulsang::http {
namespace {

// Prometheus' default buckets, with 1 ms and 2.5 ms added: most pages answer in single
// milliseconds, where the defaults would lump everything into one bucket.
constexpr std::array<double, 13> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
constexpr unsigned kFirstStatus = 100;
constexpr unsigned kStatusCount = 500;    // 100..599
constexpr std::size_t kMethodSlots = 64;  // beast's verb enum is smaller

bool IsMetricName(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t index = 0; index < name.size(); ++index) {
    const char character = name[index];
    const bool letter = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
                        character == '_' || character == ':';
    const bool digit = character >= '0' && character <= '9';
    if (!letter && !(digit && index > 0)) return false;
  }
  return true;
}

std::string EscapeLabel(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (const char character : value) {
    if (character == '\\')
      escaped += "\\\\";
    else if (character == '"')
      escaped += "\\\"";
    else if (character == '\n')
      escaped += "\\n";
    else
      escaped += character;
  }
  return escaped;
}

std::string EscapeHelp(std::string_view help) {
  std::string escaped;
  for (const char character : help) {
    if (character == '\\')
      escaped += "\\\\";
    else if (character == '\n')
      escaped += "\\n";
    else
      escaped += character;
  }
  return escaped;
}

// One (route, method): status counts and the latency histogram, all atomics.
struct RequestSlot {
  std::array<std::atomic<std::uint64_t>, kStatusCount> statuses{};
  std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};  // not cumulative
  std::atomic<std::uint64_t> count{0};
  std::atomic<std::uint64_t> sum_microseconds{0};
};

struct RouteSlots {
  std::array<std::atomic<RequestSlot*>, kMethodSlots> methods{};
  std::deque<std::unique_ptr<RequestSlot>> owned;  // guarded by owned_mutex
  std::mutex owned_mutex;
};

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

enum class Type { counter, gauge };

struct Family {
  Type type;
  std::string help;
  // labels → metric; held by unique_ptr so references handed out stay valid.
  std::map<std::string, std::unique_ptr<CounterMetric>> counters;
  std::map<std::string, std::unique_ptr<GaugeMetric>> gauges;
  // labels → what to read at scrape time (GaugeCallback, CounterCallback).
  std::map<std::string, std::function<double()>, std::less<>> readers;
};

class Registry {
 public:
  static Registry& Instance() {
    static Registry registry;
    return registry;
  }

  Family& FamilyFor(std::string_view name, std::string_view help, Type type) {
    if (!IsMetricName(name)) throw std::invalid_argument("not a metric name: " + std::string(name));
    auto found = families_.find(name);
    if (found == families_.end()) {
      found = families_.emplace(std::string(name), Family{type, std::string(help), {}, {}, {}}).first;
    } else if (found->second.type != type) {
      throw std::invalid_argument("metric registered with another type: " + std::string(name));
    }
    return found->second;
  }

  std::mutex mutex;  // registration and rendering of the families above
  std::map<std::string, Family, std::less<>> families_;
  std::map<std::uint64_t, std::function<void()>> samplers;
  std::uint64_t next_sampler = 1;

  std::shared_mutex route_mutex;
  std::unordered_map<std::string, std::unique_ptr<RouteSlots>, TransparentHash, std::equal_to<>> routes;
  GaugeMetric in_flight;
  const double start_time = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

  RequestSlot& SlotFor(std::string_view route, Method method) {
    RouteSlots* slots = nullptr;
    {
      std::shared_lock lock(route_mutex);
      if (auto found = routes.find(route); found != routes.end()) slots = found->second.get();
    }
    if (slots == nullptr) {
      std::unique_lock lock(route_mutex);
      auto& entry = routes[std::string(route)];
      if (!entry) entry = std::make_unique<RouteSlots>();
      slots = entry.get();
    }
    const std::size_t method_index = static_cast<std::size_t>(method) % kMethodSlots;
    RequestSlot* slot = slots->methods[method_index].load(std::memory_order_acquire);
    if (slot != nullptr) return *slot;
    std::lock_guard lock(slots->owned_mutex);
    slot = slots->methods[method_index].load(std::memory_order_acquire);
    if (slot == nullptr) {
      slot = slots->owned.emplace_back(std::make_unique<RequestSlot>()).get();
      slots->methods[method_index].store(slot, std::memory_order_release);
    }
    return *slot;
  }

  void RenderRequests(std::string& out) {
    std::string totals;
    std::string histograms;
    std::shared_lock lock(route_mutex);
    for (const auto& [route, slots] : routes) {
      const std::string route_label = EscapeLabel(route);
      for (std::size_t method_index = 0; method_index < kMethodSlots; ++method_index) {
        const RequestSlot* slot = slots->methods[method_index].load(std::memory_order_acquire);
        if (slot == nullptr) continue;
        const std::string_view method = boost::beast::http::to_string(static_cast<Method>(method_index));
        for (unsigned index = 0; index < kStatusCount; ++index) {
          const std::uint64_t count = slot->statuses[index].load(std::memory_order_relaxed);
          if (count == 0) continue;
          fmt::format_to(std::back_inserter(totals),
                         "http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", route_label, method,
                         index + kFirstStatus, count);
        }
        std::uint64_t cumulative = 0;
        for (std::size_t bucket = 0; bucket < kBuckets.size(); ++bucket) {
          cumulative += slot->buckets[bucket].load(std::memory_order_relaxed);
          fmt::format_to(std::back_inserter(histograms),
                         "http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"{}\"}} {}\n",
                         route_label, method, kBuckets[bucket], cumulative);
        }
        const std::uint64_t count = slot->count.load(std::memory_order_relaxed);
        fmt::format_to(std::back_inserter(histograms),
                       "http_request_duration_seconds_bucket{{route=\"{0}\",method=\"{1}\",le=\"+Inf\"}} {2}\n"
                       "http_request_duration_seconds_sum{{route=\"{0}\",method=\"{1}\"}} {3}\n"
                       "http_request_duration_seconds_count{{route=\"{0}\",method=\"{1}\"}} {2}\n",
                       route_label, method, count,
                       static_cast<double>(slot->sum_microseconds.load(std::memory_order_relaxed)) / 1e6);
      }
    }
    out +=
        "# HELP http_requests_total Requests answered, by route pattern, method and status.\n"
        "# TYPE http_requests_total counter\n";
    out += totals;
    out +=
        "# HELP http_request_duration_seconds Time from the end of the request header to the "
        "response handed to the socket.\n"
        "# TYPE http_request_duration_seconds histogram\n";
    out += histograms;
  }
};

std::string FormatLabels(std::string_view labels) {
  return labels.empty() ? std::string() : "{" + std::string(labels) + "}";
}

}  // namespace

CounterMetric& Metrics::Counter(std::string_view name, std::string_view help, std::string_view labels) {
  Registry& registry = Registry::Instance();
  std::lock_guard lock(registry.mutex);
  Family& family = registry.FamilyFor(name, help, Type::counter);
  if (family.readers.contains(labels)) throw std::invalid_argument("metric read at scrape time: " + std::string(name));
  auto& metric = family.counters[std::string(labels)];
  if (!metric) metric = std::make_unique<CounterMetric>();
  return *metric;
}

GaugeMetric& Metrics::Gauge(std::string_view name, std::string_view help, std::string_view labels) {
  Registry& registry = Registry::Instance();
  std::lock_guard lock(registry.mutex);
  Family& family = registry.FamilyFor(name, help, Type::gauge);
  if (family.readers.contains(labels)) throw std::invalid_argument("metric read at scrape time: " + std::string(name));
  auto& metric = family.gauges[std::string(labels)];
  if (!metric) metric = std::make_unique<GaugeMetric>();
  return *metric;
}

namespace {

void AddReader(std::string_view name, std::string_view help, Type type, std::function<double()> read,
               std::string_view labels) {
  Registry& registry = Registry::Instance();
  std::lock_guard lock(registry.mutex);
  Family& family = registry.FamilyFor(name, help, type);
  const std::string key(labels);
  if (family.counters.contains(key) || family.gauges.contains(key)) {
    throw std::invalid_argument("metric already kept by its owner: " + std::string(name));
  }
  family.readers.insert_or_assign(key, std::move(read));  // a second server in tests replaces
}

}  // namespace

void Metrics::GaugeCallback(std::string_view name, std::string_view help, std::function<double()> read,
                            std::string_view labels) {
  AddReader(name, help, Type::gauge, std::move(read), labels);
}

void Metrics::CounterCallback(std::string_view name, std::string_view help, std::function<double()> read,
                              std::string_view labels) {
  AddReader(name, help, Type::counter, std::move(read), labels);
}

void Metrics::RemoveCallback(std::string_view name, std::string_view labels) noexcept {
  Registry& registry = Registry::Instance();
  std::lock_guard lock(registry.mutex);
  const auto found = registry.families_.find(name);
  if (found == registry.families_.end()) return;
  Family& family = found->second;
  if (const auto reader = family.readers.find(labels); reader != family.readers.end()) family.readers.erase(reader);
  if (family.readers.empty() && family.counters.empty() && family.gauges.empty()) registry.families_.erase(found);
}

std::uint64_t Metrics::AddSampler(std::function<void()> sample) {
  Registry& registry = Registry::Instance();
  std::lock_guard lock(registry.mutex);
  const std::uint64_t id = registry.next_sampler++;
  registry.samplers.emplace(id, std::move(sample));
  return id;
}

void Metrics::RemoveSampler(std::uint64_t id) noexcept {
  Registry& registry = Registry::Instance();
  std::lock_guard lock(registry.mutex);
  registry.samplers.erase(id);
}

MetricReaders::~MetricReaders() { RemoveAll(); }

MetricReaders::MetricReaders(MetricReaders&& other) noexcept
    : registered_(std::exchange(other.registered_, {})), samplers_(std::exchange(other.samplers_, {})) {}

MetricReaders& MetricReaders::operator=(MetricReaders&& other) noexcept {
  if (this != &other) {
    RemoveAll();
    registered_ = std::exchange(other.registered_, {});
    samplers_ = std::exchange(other.samplers_, {});
  }
  return *this;
}

void MetricReaders::Sampler(std::function<void()> sample) {
  samplers_.push_back(Metrics::AddSampler(std::move(sample)));
}

void MetricReaders::Gauge(std::string_view name, std::string_view help, std::function<double()> read,
                          std::string_view labels) {
  Metrics::GaugeCallback(name, help, std::move(read), labels);
  registered_.emplace_back(name, labels);
}

void MetricReaders::Counter(std::string_view name, std::string_view help, std::function<double()> read,
                            std::string_view labels) {
  Metrics::CounterCallback(name, help, std::move(read), labels);
  registered_.emplace_back(name, labels);
}

void MetricReaders::RemoveAll() noexcept {
  for (const auto& [name, labels] : registered_) Metrics::RemoveCallback(name, labels);
  for (const std::uint64_t id : samplers_) Metrics::RemoveSampler(id);
  registered_.clear();
  samplers_.clear();
}

void Metrics::ObserveRequest(std::string_view route, Method method, unsigned status,
                             std::chrono::microseconds duration) {
  RequestSlot& slot = Registry::Instance().SlotFor(route.empty() ? std::string_view("unmatched") : route, method);
  if (status >= kFirstStatus && status < kFirstStatus + kStatusCount) {
    slot.statuses[status - kFirstStatus].fetch_add(1, std::memory_order_relaxed);
  }
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  for (std::size_t bucket = 0; bucket < kBuckets.size(); ++bucket) {
    if (seconds <= kBuckets[bucket]) {
      slot.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  slot.count.fetch_add(1, std::memory_order_relaxed);
  slot.sum_microseconds.fetch_add(static_cast<std::uint64_t>(duration.count()), std::memory_order_relaxed);
}

GaugeMetric& Metrics::InFlight() { return Registry::Instance().in_flight; }

std::string Metrics::Render() {
  Registry& registry = Registry::Instance();
  std::string out;
  out.reserve(16 * 1024);
  registry.RenderRequests(out);
  fmt::format_to(std::back_inserter(out),
                 "# HELP http_requests_in_flight Requests being handled now.\n"
                 "# TYPE http_requests_in_flight gauge\nhttp_requests_in_flight {}\n"
                 "# HELP process_start_time_seconds Start time of the process since the Unix epoch.\n"
                 "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds {:.3f}\n",
                 registry.in_flight.value(), registry.start_time);
  std::lock_guard lock(registry.mutex);
  for (const auto& [id, sample] : registry.samplers) sample();
  for (const auto& [name, family] : registry.families_) {
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, EscapeHelp(family.help), name,
                   family.type == Type::counter ? "counter" : "gauge");
    for (const auto& [labels, metric] : family.counters) {
      fmt::format_to(std::back_inserter(out), "{}{} {}\n", name, FormatLabels(labels), metric->value());
    }
    for (const auto& [labels, metric] : family.gauges) {
      fmt::format_to(std::back_inserter(out), "{}{} {}\n", name, FormatLabels(labels), metric->value());
    }
    for (const auto& [labels, read] : family.readers) {
      fmt::format_to(std::back_inserter(out), "{}{} {}\n", name, FormatLabels(labels), read());
    }
  }
  return out;
}

Response MetricsResponse() {
  Response response(Status::ok, "text/plain; version=0.0.4; charset=utf-8", Metrics::Render());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

void AddMetricsRoute(Router& router) {
  router.Get("/metrics", [](Request&) { return MetricsResponse(); });
}

}  // namespace manmulsang::http
