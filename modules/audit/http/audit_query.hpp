#pragma once

#include <expected>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"

namespace manmulsang::audit {

// The filter of the page and the API from the query string (admin, action, subject_kind,
// subject_id, q, page, per_page). Empty parameters are no filter; a bad one is a 400 naming it.
std::expected<AuditFilter, http::ApiProblem> ParseAuditFilter(const http::Request& request);

// Where an admin looks at what an entry touched ("/admin/members/42"); empty when no page shows it.
std::string SubjectPath(std::string_view kind, std::string_view id);

}  // namespace manmulsang::audit
