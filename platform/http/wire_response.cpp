#include "wire_response.hpp"

#include <sodium.h>

#include <atomic>
#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "header_values.hpp"
#include "http_date.hpp"
#include "manmulsang/core/sodium.hpp"
#include "manmulsang/http/compression.hpp"

namespace manmulsang::http {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

// The Date header changes once a second; formatting it per response would be waste.
std::string_view CurrentDate() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached_text;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    cached_text = FormatHttpDate(now);
  }
  return cached_text;
}

bool IsSafeHeader(std::string_view name, std::string_view value) {
  if (name.empty() || name.find_first_of(std::string_view(" \t:\r\n\0", 6)) != std::string_view::npos) return false;
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Fields the server alone decides; a handler's copy would contradict the framing.
bool IsServerOwned(std::string_view name) {
  return EqualsIgnoringCase(name, "Content-Length") || EqualsIgnoringCase(name, "Transfer-Encoding") ||
         EqualsIgnoringCase(name, "Connection") || EqualsIgnoringCase(name, "Content-Encoding") ||
         EqualsIgnoringCase(name, "Date") || EqualsIgnoringCase(name, "Content-Type") ||
         EqualsIgnoringCase(name, "ETag");
}

bool StatusHasBody(unsigned status) { return status >= 200 && status != 204 && status != 304; }

void AppendField(std::string& head, std::string_view name, std::string_view value) {
  head.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

bool IsSaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char character : id) {
    const bool allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
                         (character >= '0' && character <= '9') || character == '-';
    if (!allowed) return false;
  }
  return true;
}

std::string NewRequestId() {
  static const std::string prefix = [] {
    core::EnsureSodium();
    return fmt::format("{:08x}", randombytes_random());
  }();
  static std::atomic<std::uint64_t> counter{0};
  return fmt::format("{}-{:x}", prefix, counter.fetch_add(1, std::memory_order_relaxed) + 1);
}

WireResponse BuildWireResponse(Response& response, const WireRequest& request) {
  WireResponse wire;
  unsigned status = static_cast<unsigned>(response.status);
  const std::string_view identity = response.BodyView();
  wire.shared = response.shared;

  std::string etag;
  const bool safe_method = request.method == Method::get || request.method == Method::head;
  if (response.cacheable && status == 200) {
    etag = response.shared && !response.shared->etag.empty() ? response.shared->etag : StrongEtag(identity);
    if (safe_method && !request.if_none_match.empty() && EtagMatches(request.if_none_match, etag)) {
      status = 304;
    }
  }
  wire.status = status;

  const bool has_body = StatusHasBody(status);
  const bool compressible = has_body && IsCompressible(response.content_type);
  std::string_view body = has_body ? identity : std::string_view{};
  ContentEncoding encoding = ContentEncoding::identity;
  if (compressible && identity.size() >= kMinCompressedSize && request.method != Method::head) {
    encoding = NegotiateEncoding(request.accept_encoding);
    if (encoding == ContentEncoding::brotli) {
      if (response.shared && !response.shared->brotli.empty()) {
        body = response.shared->brotli;
      } else if (response.shared) {
        encoding = response.shared->gzip.empty() ? ContentEncoding::identity : ContentEncoding::gzip;
      } else {
        wire.owned_body = BrotliCompress(identity, kDynamicBrotliQuality);
      }
    }
    if (encoding == ContentEncoding::gzip) {
      if (response.shared && !response.shared->gzip.empty()) {
        body = response.shared->gzip;
      } else if (response.shared) {
        encoding = ContentEncoding::identity;
      } else {
        wire.owned_body = GzipCompress(identity, kDynamicGzipLevel);
      }
    }
    if (encoding != ContentEncoding::identity && !response.shared) {
      if (wire.owned_body.size() < identity.size()) {
        body = wire.owned_body;
      } else {
        encoding = ContentEncoding::identity;  // incompressible after all
      }
    }
  }

  std::string& head = wire.head;
  head.reserve(768 + response.headers.size() * 64);
  head.append(request.version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ")
      .append(std::to_string(status))
      .append(" ")
      .append(boost::beast::http::obsolete_reason(static_cast<Status>(status)))
      .append("\r\n");
  AppendField(head, "Date", CurrentDate());
  AppendField(head, "Server", "manmulsang");
  if (has_body) {
    AppendField(head, "Content-Type", response.content_type);
    AppendField(head, "Content-Length", std::to_string(body.size()));
    if (encoding != ContentEncoding::identity) AppendField(head, "Content-Encoding", EncodingName(encoding));
  }
  if (compressible || (status == 304 && IsCompressible(response.content_type))) {
    AppendField(head, "Vary", "Accept-Encoding");
  }
  if (!etag.empty()) AppendField(head, "ETag", etag);
  if (response.Header("Cache-Control").empty()) {
    // Cacheable answers are revalidated with the ETag; everything else may hold a visitor's own
    // data (cart, orders, CSRF token) and must not be stored by a browser or proxy.
    // A cacheable answer that sets a cookie is revalidated by the browser but never kept by a
    // shared proxy, which would hand the cookie to others.
    const std::string_view cacheable = response.Header("Set-Cookie").empty() ? "no-cache" : "private, no-cache";
    AppendField(head, "Cache-Control", response.cacheable ? cacheable : "no-store");
  }
  AppendField(head, "X-Request-Id", request.request_id);
  if (response.Header("Content-Security-Policy").empty()) {
    AppendField(head, "Content-Security-Policy", kContentSecurityPolicy);
  }
  if (response.Header("X-Content-Type-Options").empty()) AppendField(head, "X-Content-Type-Options", "nosniff");
  if (response.Header("Referrer-Policy").empty()) AppendField(head, "Referrer-Policy", "same-origin");
  if (response.Header("X-Frame-Options").empty()) AppendField(head, "X-Frame-Options", "DENY");
  for (const auto& [name, value] : response.headers) {
    if (!IsSafeHeader(name, value) || IsServerOwned(name)) continue;
    AppendField(head, name, value);
  }
  if (!request.keep_alive) {
    AppendField(head, "Connection", "close");
  } else if (request.version == 10) {
    AppendField(head, "Connection", "keep-alive");
  }
  head.append("\r\n");

  if (request.method != Method::head) wire.body = body;
  return wire;
}

}  // namespace manmulsang::http
