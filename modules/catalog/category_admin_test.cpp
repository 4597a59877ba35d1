// The category tree as admins manage it: add, rename, move (never into its own subtree),
// reorder, restyle and retire (only when empty), each audited; the tree, the category page's
// listings and facets and the search follow at once; refusals change nothing.

#include <gtest/gtest.h>

#include "manmulsang/audit/audit.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::catalog {
namespace {

constexpr core::UserId kOwner{20};

class CategoryAdminTest : public testing::MarketplaceTestFixture {
 protected:
  CategoryAdminTest() { shop_ = store_.AddShop(kOwner, "평양 상점"); }

  core::CategoryId Id(std::string_view slug) { return catalog_.CategoryBySlug(slug)->id; }
  std::vector<std::string> ChildSlugs(std::optional<core::CategoryId> parent) {
    std::vector<std::string> slugs;
    for (const Category& category : parent ? catalog_.Children(*parent) : catalog_.TopCategories()) {
      slugs.push_back(category.slug);
    }
    return slugs;
  }
  core::ProductId ListIn(std::string_view slug) {
    NewProduct product;
    product.seller = shop_;
    product.category = Id(slug);
    product.name = "태양광 손전등";
    product.price = {5000, core::Currency::kpw};
    product.stock = 3;
    std::vector<NewProduct> products = {product};
    return catalog_.InsertProducts(products).front();
  }
  std::int64_t AuditCount(std::string_view action) {
    return store_.Count("SELECT COUNT(*) FROM audit_entries WHERE action = '" + std::string(action) + "'");
  }

  core::SellerId shop_;
};

TEST_F(CategoryAdminTest, AnAddedCategoryJoinsTheTreeLastAmongItsSiblingsWithItsParentsTile) {
  auto added =
      catalog_.AddCategory(Admin(), {"solar-cookers", " 태양열 조리기 ", "Solar cookers", Id("solar"), "", ""});
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(added->name_ko, "태양열 조리기");
  EXPECT_EQ(added->colour, catalog_.CategoryBySlug("solar")->colour);
  EXPECT_EQ(ChildSlugs(Id("solar")).back(), "solar-cookers");
  ASSERT_TRUE(catalog_.CategoryBySlug("solar-cookers").has_value());
  EXPECT_EQ(catalog_.Breadcrumb(added->id).front().slug, "solar");
  EXPECT_EQ(AuditCount("category.add"), 1);

  auto top = catalog_.AddCategory(Admin(), {"toys", "장난감", "Toys", std::nullopt, "#00a300", "icon-food.svg"});
  ASSERT_TRUE(top.has_value());
  EXPECT_EQ(ChildSlugs(std::nullopt).back(), "toys");
}

TEST_F(CategoryAdminTest, BadAdditionsAreRefusedAndChangeNothing) {
  const std::size_t before = catalog_.Categories().size();
  EXPECT_EQ(
      catalog_.AddCategory(Buyer(core::UserId{5}), {"toys", "장난감", "Toys", std::nullopt, "#00a300", "icon-food.svg"})
          .error(),
      CategoryAdminError::forbidden);
  EXPECT_EQ(
      catalog_.AddCategory(Admin(), {"Toys!", "장난감", "Toys", std::nullopt, "#00a300", "icon-food.svg"}).error(),
      CategoryAdminError::invalid_slug);
  EXPECT_EQ(catalog_.AddCategory(Admin(), {"food", "식품", "Food", std::nullopt, "#00a300", "icon-food.svg"}).error(),
            CategoryAdminError::slug_taken);
  EXPECT_EQ(catalog_.AddCategory(Admin(), {"toys", "  ", "Toys", std::nullopt, "#00a300", "icon-food.svg"}).error(),
            CategoryAdminError::invalid_name);
  EXPECT_EQ(catalog_.AddCategory(Admin(), {"toys", "장난감", "Toys", std::nullopt, "#123456", "icon-food.svg"}).error(),
            CategoryAdminError::invalid_colour);
  EXPECT_EQ(catalog_.AddCategory(Admin(), {"toys", "장난감", "Toys", std::nullopt, "#00a300", "../x.svg"}).error(),
            CategoryAdminError::invalid_icon);
  EXPECT_EQ(catalog_.AddCategory(Admin(), {"toys", "장난감", "Toys", core::CategoryId{9999}, "", ""}).error(),
            CategoryAdminError::invalid_parent);
  EXPECT_EQ(catalog_.Categories().size(), before);
  EXPECT_EQ(store_.Count("SELECT COUNT(*) FROM audit_entries"), 0);
}

TEST_F(CategoryAdminTest, RenamingShowsOnPagesAndInSearchAtOnce) {
  const core::ProductId lamp = ListIn("solar-lights");
  ASSERT_TRUE(catalog_.RenameCategory(Admin(), Id("solar-lights"), "태양등", "Sun lamps").has_value());
  EXPECT_EQ(catalog_.CategoryBySlug("solar-lights")->name_ko, "태양등");
  // The category's names are words of its listings in the index.
  ProductQuery query;
  query.text = "태양등";
  auto found = catalog_.ListProducts(query);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].id, lamp);
  EXPECT_EQ(catalog_.RenameCategory(Admin(), Id("solar-lights"), "", "x").error(), CategoryAdminError::invalid_name);
  EXPECT_EQ(catalog_.RenameCategory(Admin(), core::CategoryId{9999}, "가", "a").error(),
            CategoryAdminError::category_not_found);
  EXPECT_EQ(AuditCount("category.rename"), 1);
}

TEST_F(CategoryAdminTest, MovingCarriesTheSubtreeAndTheFacetsFollowButNeverMakesACycle) {
  const core::ProductId lamp = ListIn("solar-lights");
  EXPECT_EQ(catalog_.MoveCategory(Admin(), Id("solar"), Id("solar-lights")).error(), CategoryAdminError::cycle);
  EXPECT_EQ(catalog_.MoveCategory(Admin(), Id("solar"), Id("solar")).error(), CategoryAdminError::cycle);
  EXPECT_EQ(catalog_.MoveCategory(Admin(), Id("solar"), core::CategoryId{9999}).error(),
            CategoryAdminError::invalid_parent);

  auto moved = catalog_.MoveCategory(Admin(), Id("solar-lights"), Id("household"));
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(catalog_.Breadcrumb(Id("solar-lights")).front().slug, "household");
  EXPECT_EQ(ChildSlugs(Id("household")).back(), "solar-lights");

  ProductQuery household;
  household.category = Id("household");
  auto page = catalog_.ListProducts(household);
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, lamp);
  ASSERT_EQ(page->category_facets.size(), 1u);
  EXPECT_EQ(page->category_facets[0].key, "solar-lights");
  ProductQuery solar;
  solar.category = Id("solar");
  EXPECT_EQ(catalog_.ListProducts(solar)->total, 0);
  // The search's facets roll up the new tree too.
  ProductQuery text;
  text.text = "손전등";
  auto searched = catalog_.ListProducts(text);
  ASSERT_EQ(searched->category_facets.size(), 1u);
  EXPECT_EQ(searched->category_facets[0].key, "household");

  ASSERT_TRUE(catalog_.MoveCategory(Admin(), Id("solar-lights"), std::nullopt).has_value());
  EXPECT_EQ(ChildSlugs(std::nullopt).back(), "solar-lights");
  EXPECT_EQ(AuditCount("category.move"), 2);
}

TEST_F(CategoryAdminTest, ReorderingPlacesTheCategoryAmongItsSiblings) {
  const std::vector<std::string> before = ChildSlugs(Id("bags"));
  ASSERT_EQ(before.size(), 4u);
  ASSERT_TRUE(catalog_.ReorderCategory(Admin(), Id(before[3]), 1).has_value());
  EXPECT_EQ(ChildSlugs(Id("bags")), (std::vector<std::string>{before[3], before[0], before[1], before[2]}));
  ASSERT_TRUE(catalog_.ReorderCategory(Admin(), Id(before[3]), 4).has_value());
  EXPECT_EQ(ChildSlugs(Id("bags")), before);
  EXPECT_EQ(catalog_.ReorderCategory(Admin(), Id(before[0]), 5).error(), CategoryAdminError::invalid_position);
  EXPECT_EQ(catalog_.ReorderCategory(Admin(), Id(before[0]), 0).error(), CategoryAdminError::invalid_position);
  EXPECT_EQ(AuditCount("category.reorder"), 2);
}

TEST_F(CategoryAdminTest, RestylingTakesOnlyThePalettesColoursAndIcons) {
  auto restyled = catalog_.RestyleCategory(Admin(), Id("books"), "#ee1111", "icon-medicine.svg");
  ASSERT_TRUE(restyled.has_value());
  EXPECT_EQ(catalog_.CategoryBySlug("books")->colour, "#ee1111");
  EXPECT_EQ(catalog_.RestyleCategory(Admin(), Id("books"), "red", "icon-books.svg").error(),
            CategoryAdminError::invalid_colour);
  EXPECT_EQ(catalog_.RestyleCategory(Admin(), Id("books"), "#ee1111", "evil.svg").error(),
            CategoryAdminError::invalid_icon);
  EXPECT_EQ(catalog_.CategoryBySlug("books")->icon, "icon-medicine.svg");
}

TEST_F(CategoryAdminTest, OnlyAnEmptyCategoryWithoutSubcategoriesIsRetiredAndItLeavesTheTree) {
  const core::ProductId lamp = ListIn("solar-lights");
  EXPECT_EQ(catalog_.RetireCategory(Admin(), Id("solar")).error(), CategoryAdminError::has_children);
  EXPECT_EQ(catalog_.RetireCategory(Admin(), Id("solar-lights")).error(), CategoryAdminError::not_empty);
  // A hidden listing still holds its category: its seller could show it again.
  ASSERT_TRUE(listings_.SetHidden(Seller(kOwner), lamp, true).has_value());
  EXPECT_EQ(catalog_.RetireCategory(Admin(), Id("solar-lights")).error(), CategoryAdminError::not_empty);
  ASSERT_TRUE(listings_.Delete(Seller(kOwner), lamp).has_value());
  ASSERT_TRUE(catalog_.RetireCategory(Admin(), Id("solar-lights")).has_value());
  EXPECT_FALSE(catalog_.CategoryBySlug("solar-lights").has_value());
  EXPECT_EQ(ChildSlugs(Id("solar")).size(), 4u);
  EXPECT_EQ(catalog_.RetireCategory(Admin(), Id("solar-panels")).has_value(), true);
  EXPECT_EQ(AuditCount("category.retire"), 2);
  // A retired slug stays taken: old links and orders still name it.
  EXPECT_EQ(catalog_.AddCategory(Admin(), {"solar-lights", "태양광 조명", "Solar lights", Id("solar"), "", ""}).error(),
            CategoryAdminError::slug_taken);
}

}  // namespace
}  // namespace manmulsang::catalog
