// /admin/categories: the whole tree, a row per category with its forms — rename, move (the new
// parent's slug; empty for the top), up and down among its siblings, tile colour and icon, retire
// — and a form that adds one. No JavaScript; forms carry _csrf; a change redirects back to the
// category's row with a notice, a refusal shows the tree again with the message.

#include "admin_category_http.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/text/characters.hpp"

namespace manmulsang::catalog {
namespace {

constexpr http::RouteOptions kAdminPage{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

class AdminCategoryPages {
 public:
  explicit AdminCategoryPages(const CatalogHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    std::string notice;
    if (auto done = request.Query("done")) {
      for (std::string_view action : {"add", "rename", "move", "reorder", "restyle", "retire"}) {
        if (*done == action) notice = Text(request, "catalog.admin_categories.done_" + std::string(action));
      }
    }
    return Render(request, {}, http::Status::ok, notice);
  }

  http::Response Add(http::Request& request) const {
    const http::Form& form = request.form();
    NewCategory category{std::string(form.GetOr("slug")),    std::string(form.GetOr("name_ko")),
                         std::string(form.GetOr("name_en")), std::nullopt,
                         std::string(form.GetOr("colour")),  std::string(form.GetOr("icon"))};
    auto parent = ParentBySlug(form.GetOr("parent"));
    if (!parent) return After(request, std::unexpected(parent.error()), "add");
    category.parent = *parent;
    return After(request, http_.catalog.AddCategory(request.context().actor, category), "add");
  }

  http::Response Rename(http::Request& request) const {
    return After(request,
                 http_.catalog.RenameCategory(request.context().actor, Id(request), request.form().GetOr("name_ko"),
                                              request.form().GetOr("name_en")),
                 "rename");
  }

  http::Response Move(http::Request& request) const {
    auto parent = ParentBySlug(request.form().GetOr("parent"));
    if (!parent) return After(request, std::unexpected(parent.error()), "move");
    return After(request, http_.catalog.MoveCategory(request.context().actor, Id(request), *parent), "move");
  }

  http::Response Reorder(http::Request& request) const {
    const int position = static_cast<int>(http::ParsePositiveId(request.form().GetOr("position")).value_or(0) % 100000);
    return After(request, http_.catalog.ReorderCategory(request.context().actor, Id(request), position), "reorder");
  }

  http::Response Restyle(http::Request& request) const {
    return After(request,
                 http_.catalog.RestyleCategory(request.context().actor, Id(request), request.form().GetOr("colour"),
                                               request.form().GetOr("icon")),
                 "restyle");
  }

  http::Response Retire(http::Request& request) const {
    auto retired = http_.catalog.RetireCategory(request.context().actor, Id(request));
    if (!retired) return Refused(request, retired.error());
    ForgetPagesAfterTreeChange(http_);
    return http::Response::Redirect("/admin/categories?done=retire");
  }

 private:
  static core::CategoryId Id(const http::Request& request) {
    return core::CategoryId{http::ParsePositiveId(request.PathParam("id")).value_or(0)};
  }
  std::string Text(const http::Request& request, const std::string& key) const {
    return std::string(http_.renderer.Translate(request.context().locale, key));
  }
  // The parent named by its slug on the form: empty is the top level; an unknown one is refused.
  std::expected<std::optional<core::CategoryId>, catalog::CategoryAdminError> ParentBySlug(
      std::string_view slug) const {
    const std::string trimmed(text::TrimAscii(slug));
    if (trimmed.empty()) return std::nullopt;
    auto parent = http_.catalog.CategoryBySlug(trimmed);
    if (!parent) return std::unexpected(catalog::CategoryAdminError::invalid_parent);
    return parent->id;
  }

  http::Response After(const http::Request& request, const std::expected<Category, catalog::CategoryAdminError>& done,
                       std::string_view action) const {
    if (!done) return Refused(request, done.error());
    ForgetPagesAfterTreeChange(http_);
    return http::Response::Redirect("/admin/categories?done=" + std::string(action) + "#category-" +
                                    std::to_string(done->id.value));
  }

  http::Response Refused(const http::Request& request, catalog::CategoryAdminError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
    return Render(request, Text(request, "catalog.admin_categories.error." + problem.code), problem.status, "");
  }

  http::Response Render(const http::Request& request, const std::string& message, http::Status status,
                        const std::string& notice) const {
    html::Data data;
    data.set("title", Text(request, "catalog.admin_categories.title"));
    if (!message.empty()) data.set("message", message);
    if (!notice.empty()) data.set("notice", notice);
    const std::vector<Category> all = http_.catalog.Categories();
    html::List rows;
    html::List slugs;
    for (const Category& category : all) {
      const std::vector<Category> siblings =
          category.parent ? http_.catalog.Children(*category.parent) : http_.catalog.TopCategories();
      const auto index = std::ranges::find(siblings, category.id, &Category::id) - siblings.begin();
      const int depth = static_cast<int>(http_.catalog.Breadcrumb(category.id).size()) - 1;
      html::Data row;
      row.set("id", std::to_string(category.id.value));
      row.set("slug", category.slug);
      row.set("name_ko", category.name_ko);
      row.set("name_en", category.name_en);
      row.set("depth", std::to_string(depth));
      row.set("child", html::Data(depth > 0));
      std::string parent_slug;
      if (category.parent) {
        if (auto parent = http_.catalog.CategoryById(*category.parent)) parent_slug = parent->slug;
      }
      row.set("parent_slug", parent_slug);
      row.set("up", index > 0 ? html::Data(std::to_string(index)) : html::Data(false));
      row.set("down", index + 1 < std::ssize(siblings) ? html::Data(std::to_string(index + 2)) : html::Data(false));
      row.set("colour", category.colour);
      row.set("icon", category.icon);
      row.set("colours", Choices(kCategoryColours, category.colour));
      row.set("icons", Choices(kCategoryIcons, category.icon));
      rows.push_back(row);
      html::Data slug;
      slug.set("slug", category.slug);
      slug.set("name", category.name_ko);
      slugs.push_back(slug);
    }
    data.set("categories", rows);
    data.set("slugs", slugs);
    data.set("new_colours", Choices(kCategoryColours, ""));
    data.set("new_icons", Choices(kCategoryIcons, ""));
    return http_.renderer.Page(request, "catalog/admin_categories", std::move(data), status);
  }

  template <std::size_t size>
  static html::List Choices(const std::array<std::string_view, size>& values, std::string_view chosen) {
    html::List list;
    for (std::string_view value : values) {
      html::Data choice;
      choice.set("value", std::string(value));
      choice.set("selected", html::Data(value == chosen));
      list.push_back(choice);
    }
    return list;
  }

  CatalogHttp http_;
};

}  // namespace

void AddAdminCategoryPages(http::Router& router, const CatalogHttp& http) {
  auto pages = std::make_shared<const AdminCategoryPages>(http);
  router.Get(
      "/admin/categories", [pages](http::Request& request) { return pages->Show(request); }, kAdminPage);
  router.Post(
      "/admin/categories", [pages](http::Request& request) { return pages->Add(request); }, kAdminPage);
  router.Post(
      "/admin/categories/:id/rename", [pages](http::Request& request) { return pages->Rename(request); }, kAdminPage);
  router.Post(
      "/admin/categories/:id/move", [pages](http::Request& request) { return pages->Move(request); }, kAdminPage);
  router.Post(
      "/admin/categories/:id/reorder", [pages](http::Request& request) { return pages->Reorder(request); }, kAdminPage);
  router.Post(
      "/admin/categories/:id/restyle", [pages](http::Request& request) { return pages->Restyle(request); }, kAdminPage);
  router.Post(
      "/admin/categories/:id/retire", [pages](http::Request& request) { return pages->Retire(request); }, kAdminPage);
}

void AddAdminCategoryRoutes(http::Router& router, const CatalogHttp& http) {
  AddAdminCategoryApi(router, http);
  AddAdminCategoryPages(router, http);
}

}  // namespace manmulsang::catalog
