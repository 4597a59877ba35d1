#include "manmulsang/http/response.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "header_values.hpp"
#include "http_date.hpp"
#include "json_text.hpp"
#include "manmulsang/http/compression.hpp"

namespace manmulsang::http {
namespace {

bool HasLineBreak(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

void CheckHeader(std::string_view name, std::string_view value) {
  if (name.empty() || HasLineBreak(name) || HasLineBreak(value) ||
      name.find_first_of(" \t:") != std::string_view::npos) {
    throw std::invalid_argument("header name or value with a line break or separator");
  }
}

// RFC 6265 cookie-name is an RFC 7230 token.
bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte <= 0x20 || byte >= 0x7f) return false;
    if (std::string_view("()<>@,;:\\\"/[]?={}").find(character) != std::string_view::npos) return false;
  }
  return true;
}

// RFC 6265 cookie-octet: no controls, whitespace, DQUOTE, comma, semicolon or backslash.
bool IsCookieValue(std::string_view text) {
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte <= 0x20 || byte >= 0x7f || character == '"' || character == ',' || character == ';' || character == '\\') {
      return false;
    }
  }
  return true;
}

}  // namespace

Response Response::Html(std::string body, Status status) {
  return Response(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::Json(const boost::json::value& value, Status status) {
  return Response(status, "application/json", JsonText(value));
}

Response Response::Text(std::string body, Status status) {
  return Response(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::Redirect(std::string_view location, Status status) {
  Response response(status, "text/plain; charset=utf-8", {});
  response.SetHeader("Location", location);
  return response;
}

Response Response::JsonError(Status status, std::string_view code, std::string_view message, std::string_view field) {
  boost::json::object error;
  error["code"] = code;
  error["message"] = message;
  if (!field.empty()) error["field"] = field;
  boost::json::object root;
  root["error"] = std::move(error);
  return Json(root, status);
}

Response Response::Shared(std::shared_ptr<const PrecompressedBody> shared_body, std::string content_type,
                          Status status) {
  Response response(status, std::move(content_type), {});
  response.shared = std::move(shared_body);
  response.cacheable = true;
  return response;
}

void Response::SetHeader(std::string_view name, std::string_view value) {
  CheckHeader(name, value);
  for (auto& [header_name, header_value] : headers) {
    if (EqualsIgnoringCase(header_name, name)) {
      header_value = std::string(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::string(value));
}

void Response::AddHeader(std::string_view name, std::string_view value) {
  CheckHeader(name, value);
  headers.emplace_back(std::string(name), std::string(value));
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [header_name, header_value] : headers) {
    if (EqualsIgnoringCase(header_name, name)) return header_value;
  }
  return {};
}

void Response::SetCookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  if (!IsToken(name) || !IsCookieValue(value)) {
    throw std::invalid_argument("cookie name or value with characters a browser would misread");
  }
  if (!IsCookieValue(options.path) || !IsCookieValue(options.same_site)) {
    throw std::invalid_argument("cookie path or SameSite with separators");
  }
  std::string cookie;
  cookie.reserve(name.size() + value.size() + 96);
  cookie.append(name).append("=").append(value);
  if (!options.path.empty()) cookie.append("; Path=").append(options.path);
  if (options.max_age_seconds >= 0) {
    cookie.append("; Max-Age=").append(std::to_string(options.max_age_seconds));
    // Expires as well: old browsers on office PCs know only Expires.
    const auto expires = std::chrono::system_clock::now() + std::chrono::seconds(options.max_age_seconds);
    cookie.append("; Expires=")
        .append(options.max_age_seconds == 0 ? FormatHttpDate(0)
                                             : FormatHttpDate(std::chrono::system_clock::to_time_t(expires)));
  }
  if (options.http_only) cookie.append("; HttpOnly");
  if (options.secure) cookie.append("; Secure");
  if (!options.same_site.empty()) cookie.append("; SameSite=").append(options.same_site);
  headers.emplace_back("Set-Cookie", std::move(cookie));
}

std::shared_ptr<const PrecompressedBody> Precompress(std::string body, std::string_view content_type,
                                                     CompressionEffort effort) {
  auto precompressed = std::make_shared<PrecompressedBody>();
  precompressed->etag = StrongEtag(body);
  if (IsCompressible(content_type) && body.size() >= kMinCompressedSize) {
    const bool best = effort == CompressionEffort::best;
    precompressed->gzip = GzipCompress(body, best ? 9 : 6);
    precompressed->brotli = BrotliCompress(body, best ? 11 : 6);
    // A variant that is not smaller is useless.
    if (precompressed->gzip.size() >= body.size()) precompressed->gzip.clear();
    if (precompressed->brotli.size() >= body.size()) precompressed->brotli.clear();
  }
  precompressed->identity = std::move(body);
  return precompressed;
}

}  // namespace manmulsang::http
