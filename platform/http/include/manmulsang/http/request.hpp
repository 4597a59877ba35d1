#pragma once

// Free of <expected> on purpose: the fuzzers compile request.cpp with clang 14 (see form.hpp).

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manmulsang/core/context.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/multipart.hpp"

namespace manmulsang::http {

using Method = boost::beast::http::verb;
using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// A file field of a multipart form; the views point into the request body.
struct UploadedFile {
  std::string_view file_name;  // as the browser sent it; never use it as a path
  std::string_view content_type;
  std::string_view data;
};

// One HTTP request as handlers see it: decoded path and query, cookies, path parameters,
// and the Context (actor, locale, request id) that middleware fills in.
// Not copyable: cookie views point into the message's header storage.
class Request {
 public:
  Request(BeastRequest message, std::string remote_address, std::string request_id);
  Request(const Request&) = delete;
  Request& operator=(const Request&) = delete;
  Request(Request&&) = default;
  Request& operator=(Request&&) = default;

  Method method() const { return message_.method(); }
  std::string_view target() const { return message_.target(); }
  std::string_view path() const { return path_; }          // percent-decoded, without the query
  std::string_view raw_path() const { return raw_path_; }  // as sent, without the query
  // The target's path had a malformed percent escape or a NUL byte, or the target was not a
  // path at all; the server answers 400 before any handler sees such a request.
  bool malformed() const { return malformed_; }
  const std::string& body() const { return message_.body(); }
  const BeastRequest& message() const { return message_; }
  std::string_view remote_address() const { return remote_address_; }
  std::string_view request_id() const { return context_.request_id; }

  // Empty when the header is absent.
  std::string_view Header(std::string_view name) const;
  // The first value of a query parameter, decoded ('+' is a space).
  std::optional<std::string_view> Query(std::string_view name) const;
  const Form& query() const { return query_; }
  std::optional<std::string_view> Cookie(std::string_view name) const;
  // A ":name" segment of the matched route pattern, decoded; empty when there is none.
  std::string_view PathParam(std::string_view name) const;
  // The body's fields: application/x-www-form-urlencoded, or the text fields (parts without a
  // filename) of multipart/form-data; an empty form for other content types.
  const Form& form() const;
  // A file field of a multipart/form-data body; nullopt when absent or the body is not multipart.
  std::optional<UploadedFile> File(std::string_view field) const;
  // A multipart/form-data body that could not be parsed (handlers answer 400).
  bool multipart_malformed() const;
  bool WantsJson() const;  // an /api/ path, or an Accept that prefers application/json

  core::Context& context() { return context_; }
  const core::Context& context() const { return context_; }
  // The CSRF token that forms rendered for this request must carry (set by the CSRF middleware).
  std::string& csrf_token() { return csrf_token_; }
  const std::string& csrf_token() const { return csrf_token_; }
  // The route pattern that matched ("/p/:id"), for metrics and logs; empty when none did.
  std::string_view route() const { return route_; }

  // Used by the router.
  void SetRoute(std::string_view pattern, std::vector<std::pair<std::string, std::string>> parameters);

 private:
  void ParseBody() const;

  BeastRequest message_;
  std::string remote_address_;
  std::string raw_path_;
  std::string path_;
  bool malformed_ = false;
  Form query_;
  mutable bool body_parsed_ = false;
  mutable bool multipart_malformed_ = false;
  mutable Form form_;
  mutable std::vector<MultipartPart> parts_;
  std::vector<std::pair<std::string_view, std::string_view>> cookies_;
  std::vector<std::pair<std::string, std::string>> path_parameters_;
  std::string route_;
  std::string csrf_token_;
  core::Context context_;
};

// Cookie header → name/value pairs (views into header); malformed pairs are skipped, values lose
// surrounding double quotes. Exposed for the fuzzers and tests.
std::vector<std::pair<std::string_view, std::string_view>> ParseCookieHeader(std::string_view header);

}  // namespace manmulsang::http
