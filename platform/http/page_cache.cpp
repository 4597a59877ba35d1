#include "manmulsang/http/page_cache.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "header_values.hpp"

namespace manmulsang::http {
namespace {

struct Entry {
  std::shared_ptr<const PrecompressedBody> body;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  core::TimePoint expires;
};

bool ContinuesPrefix(std::string_view key, std::string_view prefix) {
  if (!key.starts_with(prefix)) return false;
  if (key.size() == prefix.size() || prefix.ends_with('/')) return true;
  const char next = key[prefix.size()];
  return next == '|' || next == '?' || next == '/';
}

Response FromEntry(const Entry& entry) {
  Response response = Response::Shared(entry.body, entry.content_type);
  response.headers = entry.headers;
  return response;
}

std::size_t HeldBytes(std::string_view key, const Entry& entry) {
  return key.size() + entry.body->identity.size() + entry.body->gzip.size() + entry.body->brotli.size();
}

bool SetsCookie(const Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (EqualsIgnoringCase(name, "Set-Cookie")) return true;
  }
  return false;
}

}  // namespace

struct PageCache::Impl {
  Impl(const core::Clock& cache_clock, std::size_t entry_limit) : clock(cache_clock), max_entries(entry_limit) {}

  const core::Clock& clock;
  std::size_t max_entries;
  mutable std::shared_mutex mutex;
  std::map<std::string, Entry, std::less<>> entries;  // ordered: prefix invalidation is a range
  std::size_t bytes = 0;                              // HeldBytes of entries, guarded by mutex
  std::atomic<std::uint64_t> hits{0};
  std::atomic<std::uint64_t> misses{0};
  Broadcast broadcast;  // set before serving, read only afterwards

  // With mutex held alone.
  void Erase(std::map<std::string, Entry, std::less<>>::iterator& position) {
    bytes -= HeldBytes(position->first, position->second);
    position = entries.erase(position);
  }
};

PageCache::PageCache(const core::Clock& clock, std::size_t max_entries)
    : impl_(std::make_unique<Impl>(clock, max_entries)) {}

PageCache::~PageCache() = default;

const core::Clock& PageCache::DefaultClock() {
  static const core::SystemClock clock;
  return clock;
}

std::string PageCache::Key(std::string_view path, std::string_view locale, std::string_view query) {
  std::string key;
  key.reserve(path.size() + locale.size() + query.size() + 2);
  key.append(path).append("|").append(locale);
  if (!query.empty()) key.append("?").append(query);
  return key;
}

std::optional<Response> PageCache::Get(std::string_view key) const {
  const core::TimePoint now = impl_->clock.Now();
  std::shared_lock lock(impl_->mutex);
  const auto found = impl_->entries.find(key);
  if (found == impl_->entries.end() || found->second.expires <= now) {
    impl_->misses.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  impl_->hits.fetch_add(1, std::memory_order_relaxed);
  return FromEntry(found->second);
}

Response PageCache::Put(std::string_view key, Response response, std::chrono::seconds ttl) {
  if (response.status != Status::ok || SetsCookie(response)) return response;
  Entry entry;
  entry.body = response.shared
                   ? response.shared
                   : Precompress(std::move(response.body), response.content_type, CompressionEffort::balanced);
  entry.content_type = std::move(response.content_type);
  entry.headers = std::move(response.headers);
  const core::TimePoint now = impl_->clock.Now();
  entry.expires = now + ttl;
  Response answer = FromEntry(entry);
  std::unique_lock lock(impl_->mutex);
  if (impl_->entries.size() >= impl_->max_entries && !impl_->entries.contains(key)) {
    for (auto position = impl_->entries.begin(); position != impl_->entries.end();) {
      if (position->second.expires <= now) {
        impl_->Erase(position);
      } else {
        ++position;
      }
    }
    if (impl_->entries.size() >= impl_->max_entries) return answer;
  }
  impl_->bytes += HeldBytes(key, entry);
  if (auto found = impl_->entries.find(key); found != impl_->entries.end()) {
    impl_->bytes -= HeldBytes(key, found->second);
    found->second = std::move(entry);
  } else {
    impl_->entries.emplace(std::string(key), std::move(entry));
  }
  return answer;
}

Response PageCache::GetOrRender(Request& request, std::string_view key, std::chrono::seconds ttl,
                                const std::function<Response()>& render) {
  if (auto cached = Get(key)) return std::move(*cached);
  std::string token = std::exchange(request.csrf_token(), std::string());
  Response rendered;
  try {
    rendered = render();
  } catch (...) {
    request.csrf_token() = std::move(token);
    throw;
  }
  request.csrf_token() = std::move(token);
  return Put(key, std::move(rendered), ttl);
}

Response PageCache::Get(Request& request, std::chrono::seconds ttl, const std::function<Response()>& render) {
  const std::string_view target = request.target();
  const std::size_t question = target.find('?');
  const std::string_view query = question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
  return GetOrRender(request, Key(request.path(), core::LocaleCode(request.context().locale), query), ttl, render);
}

void PageCache::Invalidate(std::string_view key_prefix) {
  Forget(key_prefix);
  if (impl_->broadcast) impl_->broadcast(key_prefix);
}

void PageCache::Clear() {
  Forget("");
  if (impl_->broadcast) impl_->broadcast("");
}

void PageCache::SetBroadcast(Broadcast broadcast) { impl_->broadcast = std::move(broadcast); }

void PageCache::Forget(std::string_view key_prefix) {
  std::unique_lock lock(impl_->mutex);
  if (key_prefix.empty()) {
    impl_->entries.clear();
    impl_->bytes = 0;
    return;
  }
  auto position = impl_->entries.lower_bound(key_prefix);
  while (position != impl_->entries.end() && position->first.starts_with(key_prefix)) {
    if (ContinuesPrefix(position->first, key_prefix)) {
      impl_->Erase(position);
    } else {
      ++position;
    }
  }
}

std::size_t PageCache::size() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->entries.size();
}

PageCache::Statistics PageCache::statistics() const {
  Statistics statistics;
  statistics.hits = impl_->hits.load(std::memory_order_relaxed);
  statistics.misses = impl_->misses.load(std::memory_order_relaxed);
  std::shared_lock lock(impl_->mutex);
  statistics.entries = impl_->entries.size();
  statistics.bytes = impl_->bytes;
  return statistics;
}

}  // namespace manmulsang::http
