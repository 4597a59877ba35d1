#include "admin_console_http.hpp"

#include "embedded/admin_console_i18n.hpp"
#include "embedded/admin_console_templates.hpp"
#include "manmulsang/core/money.hpp"

namespace manmulsang::admin_console {

using Status = http::Status;

http::ApiProblem ProblemOf(ConsoleError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case ConsoleError::not_an_admin:
      return {Status::forbidden, code, ""};
    case ConsoleError::member_not_found:
    case ConsoleError::order_not_found:
      return {Status::not_found, code, ""};
    case ConsoleError::transition_not_allowed:
      return {Status::conflict, code, ""};
    case ConsoleError::invalid_reference:
      return {Status::bad_request, code, "reference"};
  }
  return {Status::forbidden, code, ""};
}

http::Response AdminConsoleHttp::Error(const http::Request& request, ConsoleError error) const {
  const http::ApiProblem problem = ProblemOf(error);
  return html::ApiError(renderer, request, problem, "admin_console.error." + problem.code);
}

std::string Won(const http::Request& request, std::int64_t amount) {
  return core::FormatMoney({amount, core::Currency::kpw}, core::LocaleCode(request.context().locale));
}

void AddAdminConsoleRoutes(http::Router& router, html::Renderer& renderer, const AdminConsoleServices& services) {
  renderer.AddMessages(embedded::admin_console_i18n());
  renderer.AddTemplates("admin_console", embedded::admin_console_templates());
  const AdminConsoleHttp http{renderer, services};
  AddHomeApi(router, http);
  AddHomePage(router, http);
  AddTransferDesk(router, http);
  AddMemberPage(router, http);
}

}  // namespace manmulsang::admin_console
