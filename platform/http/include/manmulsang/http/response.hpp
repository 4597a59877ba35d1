#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manmulsang::http {

using Status = boost::beast::http::status;

struct CookieOptions {
  std::string path = "/";
  long max_age_seconds = -1;  // -1: a session cookie; 0: delete
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";  // "Lax", "Strict", "None" or empty (attribute left out)
};

// A body rendered once and shared by many responses (page cache, static assets): the bytes, their
// gzip and brotli forms compressed ahead of time, and the strong ETag. The server sends the variant
// the client accepts instead of compressing again, and a hit copies nothing.
struct PrecompressedBody {
  std::string identity;
  std::string gzip;    // empty: not worth compressing (small body or incompressible type)
  std::string brotli;  // empty: likewise
  std::string etag;    // quoted, e.g. "\"3q2-7w\""
};

// How hard Precompress works: best for files compressed once at start (static assets), balanced
// for bodies rendered again after a TTL (page cache), where brotli's top level would cost more
// than it saves.
enum class CompressionEffort { balanced, best };

// Compresses once, for bodies that many responses will share. Types that do not compress (images)
// and tiny bodies get no variants; the ETag is always set.
std::shared_ptr<const PrecompressedBody> Precompress(std::string body, std::string_view content_type,
                                                     CompressionEffort effort = CompressionEffort::best);

class Response {
 public:
  Response() = default;
  Response(Status status, std::string content_type, std::string body)
      : status(status), content_type(std::move(content_type)), body(std::move(body)) {}

  static Response Html(std::string body, Status status = Status::ok);
  static Response Json(const boost::json::value& value, Status status = Status::ok);
  static Response Text(std::string body, Status status = Status::ok);
  // 303 See Other by default: the answer to a form POST.
  static Response Redirect(std::string_view location, Status status = Status::see_other);
  // {"error": {"code", "message", "field"?}} with the status.
  static Response JsonError(Status status, std::string_view code, std::string_view message,
                            std::string_view field = {});
  // A shared precompressed body; the response is cacheable (ETag + If-None-Match → 304).
  static Response Shared(std::shared_ptr<const PrecompressedBody> shared, std::string content_type,
                         Status status = Status::ok);

  // Replaces a header of that name. Names and values with CR, LF or NUL are refused
  // (std::invalid_argument): a header must never be able to start another.
  void SetHeader(std::string_view name, std::string_view value);
  // Adds a header even when one of that name exists (Set-Cookie, Link).
  void AddHeader(std::string_view name, std::string_view value);
  // Empty when absent.
  std::string_view Header(std::string_view name) const;
  // Throws std::invalid_argument for a name or value a browser would misread (separators,
  // spaces, control characters): cookie values are ours, never raw user input.
  void SetCookie(std::string_view name, std::string_view value, const CookieOptions& options = {});

  // The bytes the client will get before compression: the shared body when set, else body.
  std::string_view BodyView() const { return shared ? std::string_view(shared->identity) : body; }

  Status status = Status::ok;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, Set-Cookie included
  // Responses that may be cached by the page cache or a browser set this: the server adds a
  // strong ETag of the uncompressed body and answers a matching If-None-Match with 304.
  bool cacheable = false;
  // When set, replaces body; see PrecompressedBody.
  std::shared_ptr<const PrecompressedBody> shared;
};

}  // namespace manmulsang::http
