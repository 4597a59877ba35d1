#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manmulsang::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;
// Form fields in order; sent as application/x-www-form-urlencoded, as browsers do.
using FormFields = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;  // as sent: still compressed if the server compressed it

  // The first header of that name (case-insensitive).
  std::optional<std::string> Header(std::string_view name) const;
  std::vector<std::string> AllHeaders(std::string_view name) const;
  // Parses the body as JSON; throws with the body in the message if it is not JSON.
  boost::json::value Json() const;
};

// A small synchronous HTTP/1.1 client for black-box tests: one connection per request, a cookie
// jar like a browser's (one host, names only), optional bearer token. Redirects are not followed.
class HttpClient {
 public:
  HttpClient(std::string host, std::uint16_t port);

  HttpResponse Get(std::string_view target, const HeaderList& headers = {});
  HttpResponse Post(std::string_view target, const FormFields& form, const HeaderList& headers = {});
  HttpResponse PostJson(std::string_view target, const boost::json::value& json, const HeaderList& headers = {});
  // Any method, any body, any content type (empty content_type: no Content-Type header).
  HttpResponse Send(std::string_view method, std::string_view target, std::string body, std::string_view content_type,
                    const HeaderList& headers = {});

  std::optional<std::string> Cookie(std::string_view name) const;
  void SetCookie(std::string name, std::string value) { cookies_[std::move(name)] = std::move(value); }
  void ClearCookies() { cookies_.clear(); }
  const std::map<std::string, std::string>& cookies() const { return cookies_; }

  void set_bearer_token(std::string token) { bearer_token_ = std::move(token); }
  void set_timeout(std::chrono::seconds timeout) { timeout_ = timeout; }

 private:
  void RememberCookies(const HttpResponse& response);

  std::string host_;
  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
  std::string bearer_token_;
  std::chrono::seconds timeout_{30};
};

std::string FormEncode(const FormFields& fields);
std::string PercentEncode(std::string_view text);

// Decoders for checking compressed bodies; throw on malformed input.
std::string Gunzip(std::string_view compressed);
std::string BrotliDecode(std::string_view compressed);

}  // namespace manmulsang::testing
