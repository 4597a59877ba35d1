#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>
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
  std::string same_site = "Lax";
};

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

  void SetHeader(std::string_view name, std::string_view value);
  void SetCookie(std::string_view name, std::string_view value, const CookieOptions& options = {});

  Status status = Status::ok;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, Set-Cookie included
  // Responses that may be cached by the page cache or a browser set this; see page_cache.hpp.
  bool cacheable = false;
};

}  // namespace manmulsang::http
