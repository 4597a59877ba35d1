// The admin's category tree as JSON, the twin of /admin/categories: the whole tree (retired
// categories left out) and one route per change. The service decides every rule.

#include <boost/json/array.hpp>

#include "admin_category_http.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/json_fields.hpp"

namespace manmulsang::catalog {
namespace {

constexpr http::RouteOptions kAdminApi{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

std::string Text(std::optional<std::string_view> value) { return std::string(value.value_or("")); }

// A category id in the body: absent or null is none (the top level).
std::expected<std::optional<core::CategoryId>, http::ApiProblem> ParentField(const boost::json::object& body) {
  const boost::json::value* value = body.if_contains("parent_id");
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_int64() || value->as_int64() < 1) {
    return std::unexpected(http::ApiProblem{http::Status::bad_request, "invalid_parent", "parent_id"});
  }
  return core::CategoryId{value->as_int64()};
}

class AdminCategoryApi {
 public:
  explicit AdminCategoryApi(const CatalogHttp& http) : http_(http) {}

  http::Response Tree(http::Request&) const {
    boost::json::array items;
    for (const Category& category : http_.catalog.Categories()) {
      items.push_back(AdminCategoryJson(category, static_cast<int>(http_.catalog.Breadcrumb(category.id).size()) - 1));
    }
    boost::json::array colours(kCategoryColours.begin(), kCategoryColours.end());
    boost::json::array icons(kCategoryIcons.begin(), kCategoryIcons.end());
    return http::Response::Json(
        boost::json::object{{"items", std::move(items)}, {"colours", std::move(colours)}, {"icons", std::move(icons)}});
  }

  http::Response Add(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Refuse(request, body.error());
    NewCategory category;
    for (auto [name, target] : {std::pair{"slug", &category.slug}, std::pair{"name_ko", &category.name_ko},
                                std::pair{"name_en", &category.name_en}, std::pair{"colour", &category.colour},
                                std::pair{"icon", &category.icon}}) {
      auto value = http::OptionalStringField(*body, name);
      if (!value) return Refuse(request, value.error());
      *target = Text(*value);
    }
    auto parent = ParentField(*body);
    if (!parent) return Refuse(request, parent.error());
    category.parent = *parent;
    return Answer(request, http_.catalog.AddCategory(request.context().actor, category), http::Status::created);
  }

  http::Response Rename(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Refuse(request, body.error());
    auto name_ko = http::OptionalStringField(*body, "name_ko");
    if (!name_ko) return Refuse(request, name_ko.error());
    auto name_en = http::OptionalStringField(*body, "name_en");
    if (!name_en) return Refuse(request, name_en.error());
    return Answer(request,
                  http_.catalog.RenameCategory(request.context().actor, Id(request), Text(*name_ko), Text(*name_en)));
  }

  http::Response Move(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Refuse(request, body.error());
    auto parent = ParentField(*body);
    if (!parent) return Refuse(request, parent.error());
    return Answer(request, http_.catalog.MoveCategory(request.context().actor, Id(request), *parent));
  }

  http::Response Reorder(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Refuse(request, body.error());
    auto position = http::Int64Field(*body, "position");
    if (!position) return Refuse(request, position.error());
    const int clamped = static_cast<int>(std::clamp<std::int64_t>(*position, -1, 100000));
    return Answer(request, http_.catalog.ReorderCategory(request.context().actor, Id(request), clamped));
  }

  http::Response Restyle(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Refuse(request, body.error());
    auto colour = http::OptionalStringField(*body, "colour");
    if (!colour) return Refuse(request, colour.error());
    auto icon = http::OptionalStringField(*body, "icon");
    if (!icon) return Refuse(request, icon.error());
    return Answer(request,
                  http_.catalog.RestyleCategory(request.context().actor, Id(request), Text(*colour), Text(*icon)));
  }

  http::Response Retire(http::Request& request) const {
    auto retired = http_.catalog.RetireCategory(request.context().actor, Id(request));
    if (!retired) return Refuse(request, ProblemOf(retired.error()));
    ForgetPagesAfterTreeChange(http_);
    return http::Response::Json(boost::json::object{{"retired", true}});
  }

 private:
  static core::CategoryId Id(const http::Request& request) {
    return core::CategoryId{http::ParsePositiveId(request.PathParam("id")).value_or(0)};
  }
  http::Response Refuse(const http::Request& request, const http::ApiProblem& problem) const {
    return RefuseCategoryChange(http_, request, problem);
  }
  http::Response Answer(const http::Request& request,
                        const std::expected<Category, catalog::CategoryAdminError>& category,
                        http::Status status = http::Status::ok) const {
    if (!category) return Refuse(request, ProblemOf(category.error()));
    ForgetPagesAfterTreeChange(http_);
    const int depth = static_cast<int>(http_.catalog.Breadcrumb(category->id).size()) - 1;
    return http::Response::Json(boost::json::object{{"category", AdminCategoryJson(*category, depth)}}, status);
  }

  CatalogHttp http_;
};

}  // namespace

http::ApiProblem ProblemOf(catalog::CategoryAdminError error) {
  const std::string code(ErrorCode(error));
  const std::string field(ErrorField(error));
  switch (error) {
    case catalog::CategoryAdminError::forbidden:
      return {http::Status::forbidden, code, ""};
    case catalog::CategoryAdminError::category_not_found:
      return {http::Status::not_found, code, ""};
    case catalog::CategoryAdminError::slug_taken:
    case catalog::CategoryAdminError::cycle:
    case catalog::CategoryAdminError::has_children:
    case catalog::CategoryAdminError::not_empty:
      return {http::Status::conflict, code, field};
    default:
      return {http::Status::bad_request, code, field};
  }
}

http::Response RefuseCategoryChange(const CatalogHttp& http, const http::Request& request,
                                    const http::ApiProblem& problem) {
  return html::ApiError(http.renderer, request, problem, "catalog.admin_categories.error." + problem.code);
}

boost::json::object AdminCategoryJson(const Category& category, int depth) {
  return boost::json::object{
      {"id", category.id.value},
      {"parent_id", category.parent ? boost::json::value(category.parent->value) : boost::json::value(nullptr)},
      {"slug", category.slug},
      {"name_ko", category.name_ko},
      {"name_en", category.name_en},
      {"colour", category.colour},
      {"icon", category.icon},
      {"position", category.position},
      {"depth", depth}};
}

void AddAdminCategoryApi(http::Router& router, const CatalogHttp& http) {
  auto api = std::make_shared<const AdminCategoryApi>(http);
  router.Get(
      "/api/v1/admin/categories", [api](http::Request& request) { return api->Tree(request); }, kAdminApi);
  router.Post(
      "/api/v1/admin/categories", [api](http::Request& request) { return api->Add(request); }, kAdminApi);
  router.Post(
      "/api/v1/admin/categories/:id/rename", [api](http::Request& request) { return api->Rename(request); }, kAdminApi);
  router.Post(
      "/api/v1/admin/categories/:id/move", [api](http::Request& request) { return api->Move(request); }, kAdminApi);
  router.Post(
      "/api/v1/admin/categories/:id/reorder", [api](http::Request& request) { return api->Reorder(request); },
      kAdminApi);
  router.Post(
      "/api/v1/admin/categories/:id/restyle", [api](http::Request& request) { return api->Restyle(request); },
      kAdminApi);
  router.Post(
      "/api/v1/admin/categories/:id/retire", [api](http::Request& request) { return api->Retire(request); }, kAdminApi);
}

}  // namespace manmulsang::catalog
