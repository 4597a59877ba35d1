#pragma once

#include <boost/json/object.hpp>

#include <expected>
#include <string>
#include <string_view>

#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::http {

// What went wrong with an API request, before it becomes the error body
// ({"error": {"code", "message", "field"}}): each module's http code maps its error enum to one
// and words the message in the request's language.
struct ApiProblem {
  Status status = Status::bad_request;
  std::string code;   // snake_case
  std::string field;  // the request field at fault, or empty
};

// The one way an API answers a problem: the JSON error body with `message` (already in the
// request's language, from a message catalog), never stored by a cache (an error is about this
// request), and on 401 the WWW-Authenticate challenge that tells a client to send a token.
Response ApiErrorResponse(const ApiProblem& problem, std::string_view message);

// The request body as a JSON object: malformed_json when it does not parse, invalid_input when it
// is JSON but not an object (both 400).
std::expected<boost::json::object, ApiProblem> ParseJsonObject(const Request& request);

}  // namespace manmulsang::http
