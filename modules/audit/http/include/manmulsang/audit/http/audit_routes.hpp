#pragma once

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::audit {

// The audit log for admins (every route needs role admin, checked by the router first):
//   GET /admin/audit?admin=&action=&subject_kind=&subject_id=&q=&page= — the log, newest first,
//       with a filter form (no JavaScript) and links to the items the entries touched;
//   GET /api/v1/admin/audit (the same parameters, page/per_page ≤ 100) →
//       {items: [{id, at, admin: {id, name}, action, subject: {kind, id}, before, after, reason}],
//        total, page, per_page}; 400 invalid_filter naming the parameter.
// Admins' names come from accounts. Also registers the templates ("audit/*") and messages (t.audit.*).
void AddAuditRoutes(http::Router& router, html::Renderer& renderer, AuditLog& log, accounts::AccountService& accounts);

}  // namespace manmulsang::audit
