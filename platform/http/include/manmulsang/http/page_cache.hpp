#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::http {

// Hot anonymous pages (home, category, product) rendered once and kept in memory with their
// gzip/brotli bodies and ETag (docs/ARCHITECTURE.md, performance model): a hit costs a map lookup and no rendering, no
// compression and no copy of the body. Writes invalidate precisely by key prefix.
//
// Keys: build them with Key(path, locale, query) so that they start with the path and
// Invalidate("/p/123") finds every variant of that page. Cache only what any anonymous visitor
// may see: GetOrRender blanks request.csrf_token() while rendering (a cached page shared with
// others must never carry one visitor's token; its forms are accepted by CsrfProtection's
// same-origin check instead), and answers that set cookies are never stored.
//
// Thread-safe: lookups share a lock, stores and invalidations take it alone. Two requests that
// miss the same key at once both render; the later store wins (rendering is idempotent).
class PageCache {
 public:
  // The clock decides expiry (a ManualClock in tests); max_entries bounds memory: when full,
  // expired entries are swept and, if still full, the new page is served but not stored.
  explicit PageCache(const core::Clock& clock = DefaultClock(), std::size_t max_entries = 20000);
  ~PageCache();
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  // "/p/123" + "ko" + "tab=reviews" → "/p/123|ko?tab=reviews".
  static std::string Key(std::string_view path, std::string_view locale, std::string_view query = {});

  // The cached answer for key if fresh; else render() (with the request's CSRF token blanked),
  // storing a 200 answer for ttl. The result is cacheable (ETag, 304) and precompressed.
  Response GetOrRender(Request& request, std::string_view key, std::chrono::seconds ttl,
                       const std::function<Response()>& render);
  // GetOrRender keyed by Key(request path, request locale, raw query string): the usual case of
  // a page that depends on nothing else.
  Response Get(Request& request, std::chrono::seconds ttl, const std::function<Response()>& render);
  std::optional<Response> Get(std::string_view key) const;
  // Stores a 200 answer without Set-Cookie; other answers are ignored. Returns the cacheable
  // precompressed form (the response itself when it was not stored).
  Response Put(std::string_view key, Response response, std::chrono::seconds ttl);

  // Removes the key and every key that continues it after '|', '?' or '/' (or anything when the
  // prefix itself ends in '/'): "/p/123" drops "/p/123|ko" and "/p/123/reviews|en", not "/p/1234".
  // Both also tell the other nodes through the broadcast, when one is set.
  void Invalidate(std::string_view key_prefix);
  void Clear();
  std::size_t size() const;

  // Several nodes on one store each keep their own pages: what a write on one node invalidates,
  // every node must drop. broadcast(prefix) runs after each Invalidate ("" after Clear) and
  // tells the others (the server sends it through the store's notifications), and each node
  // calls Forget(prefix) when told. Set it before serving; one node alone needs none.
  using Broadcast = std::function<void(std::string_view key_prefix)>;
  void SetBroadcast(Broadcast broadcast);
  // As Invalidate (or Clear, for ""), on this node only: what another node's write told it.
  void Forget(std::string_view key_prefix);

  // For /metrics: look-ups that found a fresh page and those that did not, since construction,
  // and what is held now (bytes: keys and bodies in every encoding kept).
  struct Statistics {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };
  Statistics statistics() const;

  static const core::Clock& DefaultClock();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
