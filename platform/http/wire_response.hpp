#pragma once

// Turns a handler's Response into the bytes on the wire: the headers every response carries
// (date, request id, security headers), compression negotiation, ETag/304, HEAD. Kept apart from
// the socket code so that tests can check exactly what a client would receive.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::http {

struct WireRequest {
  Method method = Method::get;
  unsigned version = 11;  // 10 or 11
  bool keep_alive = true;
  std::string_view request_id;
  std::string_view accept_encoding;
  std::string_view if_none_match;
};

struct WireResponse {
  std::string head;       // status line and fields, ending with the empty line
  std::string_view body;  // sent after head; empty for HEAD, 204 and 304
  unsigned status = 200;
  std::string owned_body;                           // storage of a body compressed here
  std::shared_ptr<const PrecompressedBody> shared;  // keeps a shared body alive while writing
};

// Dynamic responses are compressed for each request, at levels fast enough for that.
inline constexpr int kDynamicGzipLevel = 5;
inline constexpr int kDynamicBrotliQuality = 4;

WireResponse BuildWireResponse(Response& response, const WireRequest& request);

// [A-Za-z0-9-]{1,64}: an incoming X-Request-Id we can repeat safely in headers and logs.
bool IsSaneRequestId(std::string_view id);
// A new id: a per-process random prefix and a counter (unique, cheap, not secret).
std::string NewRequestId();

}  // namespace manmulsang::http
