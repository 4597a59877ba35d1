#include "audit_query.hpp"

#include <string>

#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::audit {
namespace {

constexpr std::size_t kMaxFilterBytes = 100;

http::ApiProblem InvalidFilter(std::string_view field) {
  return {http::Status::bad_request, "invalid_filter", std::string(field)};
}

}  // namespace

std::expected<AuditFilter, http::ApiProblem> ParseAuditFilter(const http::Request& request) {
  AuditFilter filter;
  if (auto admin = request.Query("admin"); admin && !admin->empty()) {
    auto id = http::ParsePositiveId(*admin);
    if (!id) return std::unexpected(InvalidFilter("admin"));
    filter.admin = core::UserId{*id};
  }
  for (auto [name, target] :
       {std::pair{"action", &filter.action_prefix}, std::pair{"subject_kind", &filter.subject_kind},
        std::pair{"subject_id", &filter.subject_id}, std::pair{"q", &filter.text}}) {
    auto value = request.Query(name);
    if (!value) continue;
    if (value->size() > kMaxFilterBytes) return std::unexpected(InvalidFilter(name));
    *target = std::string(*value);
  }
  if (!filter.subject_id.empty() && filter.subject_kind.empty()) return std::unexpected(InvalidFilter("subject_kind"));
  auto page = http::ParseListPage(request, 50);
  if (!page) return std::unexpected(InvalidFilter("page"));
  filter.page = page->page;
  filter.per_page = page->per_page;
  return filter;
}

std::string SubjectPath(std::string_view kind, std::string_view id) {
  const std::string subject(id);
  if (kind == "member") return "/admin/members/" + subject;
  if (kind == "shop") return "/admin/shops/" + subject;
  if (kind == "product") return "/p/" + subject;
  if (kind == "order") return "/orders/" + subject;
  if (kind == "payout") return "/admin/payouts";
  if (kind == "category") return "/admin/categories";
  if (kind == "settings") return "/admin/settings";
  if (kind == "exchange_rate") return "/admin/exchange-rates";
  if (kind == "voucher_batch") return "/admin/vouchers";
  return {};
}

}  // namespace manmulsang::audit
