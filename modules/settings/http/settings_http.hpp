#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/settings/http/settings_routes.hpp"

namespace manmulsang::settings {

// A refusal on its way out: status, snake_case code (t.settings.error.<code>) and the field.
http::ApiProblem ProblemOf(SettingsError error);

// Every answer is an admin's working view: no cache keeps it.
inline constexpr http::RouteOptions kAdminPage{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};
inline constexpr http::RouteOptions kAdminJson{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

// The shared state of the handlers.
struct SettingsHttp {
  const html::Renderer& renderer;
  SettingsHttpServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const {
    return html::ApiError(renderer, request, problem, "settings.error." + problem.code);
  }
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
  // After a change: cached pages show the old name and notice in their layout.
  void ForgetCachedPages() const { services.page_cache.Clear(); }
};

boost::json::object SettingsJson(const StoredSettings& stored);

void AddSettingsApi(http::Router& router, const SettingsHttp& http);
void AddSettingsPage(http::Router& router, const SettingsHttp& http);

}  // namespace manmulsang::settings
