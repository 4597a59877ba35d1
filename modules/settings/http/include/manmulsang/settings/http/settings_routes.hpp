#pragma once

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::settings {

struct SettingsHttpServices {
  SettingsService& settings;
  // Cached anonymous pages carry the name and the notice in their layout: a change forgets them.
  http::PageCache& page_cache;
};

// The operating settings, admins only (the router refuses anyone else first: 401 / 403).
// JSON (docs/openapi.yaml; errors {"error": {code, message, field}}):
//   GET /api/v1/admin/settings → {version, updated_at, updated_by, settings: {platform_fee_basis_points,
//       bank_transfer_deadline_hours, auto_confirm_days, auto_deliver_days, credit_second_approval_above, carriers: [..],
//       marketplace_name, notice, bank_accounts: [{bank, account_number, holder}]}}
//   PUT /api/v1/admin/settings {version, reason, <any settings fields>} → the same as GET, the fields
//       absent keep their values at `version`; 400 invalid_<field> naming it, 409 version_conflict
//       when the settings changed since `version`; nothing changes on an error.
// HTML (no JavaScript; the form carries _csrf and the version it was read at):
//   GET /admin/settings (the form with the current values), POST /admin/settings (saves and
//   redirects with a notice, or re-renders with the error).
// Also registers the templates ("settings/*") and messages (t.settings.*) with renderer.
void AddSettingsRoutes(http::Router& router, html::Renderer& renderer, const SettingsHttpServices& services);

}  // namespace manmulsang::settings
