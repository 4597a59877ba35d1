#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "manmulsang/admin_console/http/admin_console_routes.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::admin_console {

http::ApiProblem ProblemOf(ConsoleError error);

// The shared state of the handlers.
struct AdminConsoleHttp {
  const html::Renderer& renderer;
  AdminConsoleServices services;

  // The JSON error, worded from t.admin_console.error.<code>.
  http::Response Error(const http::Request& request, ConsoleError error) const;
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, "admin_console." + std::string(key)));
  }
};

// Every console route: admins only, and their answers are never kept by a cache.
inline constexpr http::RouteOptions kAdminOnly{.role = core::Role::admin, .no_store = true};
inline constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

std::string Won(const http::Request& request, std::int64_t amount);

void AddHomeApi(http::Router& router, const AdminConsoleHttp& http);
void AddHomePage(http::Router& router, const AdminConsoleHttp& http);
void AddTransferDesk(http::Router& router, const AdminConsoleHttp& http);
void AddMemberPage(http::Router& router, const AdminConsoleHttp& http);

}  // namespace manmulsang::admin_console
