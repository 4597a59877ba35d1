#pragma once

#include "manmulsang/admin_console/admin_console.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::admin_console {

struct AdminConsoleServices {
  AdminConsole& console;
};

// The admin console (issue 11). Every route has role = admin in its RouteOptions: a visitor is
// sent to sign in (the API: 401), anyone else 403, before anything else is looked at.
// JSON (errors {"error": {code, message, field}}; money {amount, currency}):
//   GET /api/v1/admin/dashboard → {today, period: {days, ...}, days: [{day, visits, new_members,
//       orders, sales, fees}], visits: [{day, visits, page_views}], totals: {visits, visits_today,
//       page_views_today, members}, queues: [{name, count, path}]}
//   GET /api/v1/admin/transfers?page=&per_page= → {items: [{order, buyer, shop, total, placed_at,
//       deadline}], total, page, per_page}
// HTML (no JavaScript; forms carry _csrf):
//   GET /admin — the figures of today and 30 days, a 90-day visits chart and a 30-day orders and
//       sales chart (SVG drawn on the server, each with a table of its numbers), the queues and
//       a menu of every admin section
//   GET /admin/transfers?page= — bank transfers awaiting payment, oldest first, each with a
//       confirm form; POST /admin/transfers/:id/confirm {reference} → 303 /admin/transfers?confirmed=ID,
//       or the desk again with the error (400 bad reference, 404 unknown order, 409 no longer awaiting)
// Also registers the templates ("admin_console/*") and messages (t.admin_console.*).
void AddAdminConsoleRoutes(http::Router& router, html::Renderer& renderer, const AdminConsoleServices& services);

}  // namespace manmulsang::admin_console
