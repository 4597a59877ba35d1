#pragma once

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

namespace manmulsang::http {

using Method = boost::beast::http::verb;
using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// One HTTP request as handlers see it: decoded path and query, cookies, path parameters,
// and the Context (actor, locale, request id) that middleware fills in.
class Request {
 public:
  Request(BeastRequest message, std::string remote_address, std::string request_id);

  Method method() const { return message_.method(); }
  std::string_view target() const { return message_.target(); }
  std::string_view path() const { return path_; }  // percent-decoded, without the query
  const std::string& body() const { return message_.body(); }
  const BeastRequest& message() const { return message_; }
  std::string_view remote_address() const { return remote_address_; }

  // Empty when the header is absent.
  std::string_view Header(std::string_view name) const;
  // The first value of a query parameter, decoded ('+' is a space).
  std::optional<std::string_view> Query(std::string_view name) const;
  const Form& query() const { return query_; }
  std::optional<std::string_view> Cookie(std::string_view name) const;
  // A ":name" segment of the matched route pattern, decoded.
  std::string_view PathParam(std::string_view name) const;
  // The body as application/x-www-form-urlencoded; an empty form for other content types.
  const Form& form() const;
  bool WantsJson() const;  // an /api/ path or an Accept of application/json

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
  BeastRequest message_;
  std::string remote_address_;
  std::string path_;
  Form query_;
  mutable std::optional<Form> form_;
  std::vector<std::pair<std::string_view, std::string_view>> cookies_;
  std::vector<std::pair<std::string, std::string>> path_parameters_;
  std::string route_;
  std::string csrf_token_;
  core::Context context_;
};

}  // namespace manmulsang::http
