#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/messages/http/messages_routes.hpp"

namespace manmulsang::messages {

// A refusal on its way out: status, snake_case code (t.messages.error.<code>) and the field.
http::ApiProblem ProblemOf(MessageError error);

// The shared state of the handlers.
struct MessagesHttp {
  const html::Renderer& renderer;
  MessageServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const;
  http::Response Error(const http::Request& request, MessageError error) const {
    return Error(request, ProblemOf(error));
  }
  // 401 when nobody is signed in.
  std::optional<http::Response> RefuseAnonymous(const http::Request& request) const;
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
};

// A form that carries message photos: up to five pictures of 10 MiB and the text. The handler
// runs off the I/O threads (it decodes).
inline constexpr http::RouteOptions kPhotoFormRoute{.body_limit = 26 * 1024 * 1024, .offload = true, .no_store = true};

boost::json::object ConversationJson(const Conversation& conversation);
boost::json::object MessageJson(const Message& message);
boost::json::object ThreadJson(const Thread& thread);

// The template data of a thread (messages/thread), for the parties' pages and the admin's view.
html::Data MessageThreadData(const MessagesHttp& http, const http::Request& request, const Thread& thread);

void AddMessageApi(http::Router& router, const MessagesHttp& http);
void AddMessagePages(http::Router& router, const MessagesHttp& http);
void AddMessageAdminPages(http::Router& router, const MessagesHttp& http);

}  // namespace manmulsang::messages
