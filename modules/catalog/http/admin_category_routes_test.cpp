// /admin/categories and its JSON twin through the real router: the tree with its forms, a
// category added, moved, reordered and retired by form and by API, refusals shown again with
// their message (nothing changed), and the category page following at once.

#include <gtest/gtest.h>

#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "route_test_fixture.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::catalog {
namespace {

class AdminCategoryRoutesTest : public ::testing::Test, public testing::RouteTestFixture {
 protected:
  AdminCategoryRoutesTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, store_.services().sellers, page_cache_, store_.services().trending);
  }
  std::string Admin() { return Who(core::UserId{1}, "admin"); }
  std::string Path(std::string_view slug, std::string_view action) {
    return "/admin/categories/" + std::to_string(catalog_.CategoryBySlug(slug)->id.value) + "/" + std::string(action);
  }

  testing::TestMarketplace store_;
  CatalogService& catalog_ = store_.services().catalog;
  http::PageCache page_cache_{store_.clock()};
};

TEST_F(AdminCategoryRoutesTest, AnAdminAddsMovesReordersAndRetiresByForm) {
  auto page = Get("/admin/categories", Admin());
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("관리자 홈"), std::string::npos);
  EXPECT_NE(page.body.find("computers-laptops"), std::string::npos);

  auto added = PostForm("/admin/categories",
                        {{"slug", "solar-cookers"},
                         {"name_ko", "태양열 조리기"},
                         {"name_en", "Solar cookers"},
                         {"parent", "solar"},
                         {"colour", ""},
                         {"icon", ""}},
                        Admin());
  ASSERT_EQ(added.status, http::Status::see_other);
  EXPECT_TRUE(std::string(added.Header("Location")).starts_with("/admin/categories?done=add#category-"));
  ASSERT_TRUE(catalog_.CategoryBySlug("solar-cookers").has_value());
  EXPECT_EQ(Get("/c/solar-cookers").status, http::Status::ok);

  auto cycle = PostForm(Path("solar", "move"), {{"parent", "solar-cookers"}}, Admin());
  EXPECT_EQ(cycle.status, http::Status::conflict);
  EXPECT_NE(cycle.body.find("form-error"), std::string::npos);
  EXPECT_FALSE(catalog_.CategoryBySlug("solar")->parent.has_value());

  ASSERT_EQ(PostForm(Path("solar-cookers", "reorder"), {{"position", "1"}}, Admin()).status, http::Status::see_other);
  EXPECT_EQ(catalog_.Children(catalog_.CategoryBySlug("solar")->id).front().slug, "solar-cookers");
  ASSERT_EQ(PostForm(Path("solar-cookers", "move"), {{"parent", "food"}}, Admin()).status, http::Status::see_other);
  EXPECT_EQ(catalog_.Breadcrumb(catalog_.CategoryBySlug("solar-cookers")->id).front().slug, "food");

  EXPECT_EQ(PostForm(Path("food", "retire"), {}, Admin()).status, http::Status::conflict);
  ASSERT_EQ(PostForm(Path("solar-cookers", "retire"), {}, Admin()).status, http::Status::see_other);
  EXPECT_FALSE(catalog_.CategoryBySlug("solar-cookers").has_value());
  EXPECT_EQ(Get("/c/solar-cookers").status, http::Status::not_found);
}

TEST_F(AdminCategoryRoutesTest, TheApiManagesTheTreeAndNamesTheFieldAtFault) {
  auto tree = Get("/api/v1/admin/categories", Admin());
  ASSERT_EQ(tree.status, http::Status::ok);
  EXPECT_EQ(Json(tree).at("colours").as_array().size(), kCategoryColours.size());

  auto added =
      Post("/api/v1/admin/categories",
           R"({"slug": "toys", "name_ko": "장난감", "name_en": "Toys", "colour": "#00a300", "icon": "icon-food.svg"})",
           Admin());
  ASSERT_EQ(added.status, http::Status::created);
  const std::int64_t id = Json(added).at("category").at("id").as_int64();
  const std::string base = "/api/v1/admin/categories/" + std::to_string(id);

  auto taken =
      Post("/api/v1/admin/categories",
           R"({"slug": "toys", "name_ko": "장난감", "name_en": "Toys", "colour": "#00a300", "icon": "icon-food.svg"})",
           Admin());
  EXPECT_EQ(taken.status, http::Status::conflict);
  EXPECT_EQ(Code(taken), "slug_taken");
  EXPECT_EQ(Code(Post(base + "/rename", R"({"name_ko": "", "name_en": "Toys"})", Admin())), "invalid_name");
  EXPECT_EQ(Code(Post(base + "/restyle", R"({"colour": "red", "icon": "icon-food.svg"})", Admin())), "invalid_colour");
  EXPECT_EQ(Code(Post(base + "/reorder", R"({"position": 99})", Admin())), "invalid_position");
  EXPECT_EQ(Code(Post(base + "/move", R"({"parent_id": "food"})", Admin())), "invalid_parent");

  auto renamed = Post(base + "/rename", R"({"name_ko": "놀이감", "name_en": "Toys"})", Admin());
  ASSERT_EQ(renamed.status, http::Status::ok);
  EXPECT_EQ(catalog_.CategoryBySlug("toys")->name_ko, "놀이감");
  const std::string food = std::to_string(catalog_.CategoryBySlug("food")->id.value);
  ASSERT_EQ(Post(base + "/move", R"({"parent_id": )" + food + "}", Admin()).status, http::Status::ok);
  EXPECT_EQ(Json(Get("/api/v1/admin/categories", Admin())).at("items").as_array().size(), catalog_.Categories().size());
  ASSERT_EQ(Post(base + "/retire", "{}", Admin()).status, http::Status::ok);
  EXPECT_EQ(Code(Post(base + "/retire", "{}", Admin())), "category_not_found");
  EXPECT_EQ(Post(base + "/retire", "{}", Who(core::UserId{2}, "seller")).status, http::Status::forbidden);
}

}  // namespace
}  // namespace manmulsang::catalog
