#include "manmulsang/http/api_problem.hpp"

#include <boost/json/parse.hpp>

namespace manmulsang::http {

Response ApiErrorResponse(const ApiProblem& problem, std::string_view message) {
  Response response = Response::JsonError(problem.status, problem.code, message, problem.field);
  response.SetHeader("Cache-Control", "no-store");
  if (problem.status == Status::unauthorized) response.SetHeader("WWW-Authenticate", "Bearer");
  return response;
}

std::expected<boost::json::object, ApiProblem> ParseJsonObject(const Request& request) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(request.body(), error);
  if (error) return std::unexpected(ApiProblem{Status::bad_request, "malformed_json", ""});
  if (!value.is_object()) return std::unexpected(ApiProblem{Status::bad_request, "invalid_input", ""});
  return std::move(value.as_object());
}

}  // namespace manmulsang::http
