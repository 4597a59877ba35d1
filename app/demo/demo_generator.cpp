#include "demo/demo_generator.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>

#include "demo/demo_data.hpp"
#include "demo/demo_progress.hpp"
#include "demo/demo_random.hpp"

namespace manmulsang::demo {
namespace {

// Products go to the store in transactions of this size: large enough to amortise the commit,
// small enough to keep memory flat for a million products.
constexpr std::int64_t kBatchSize = 2000;
constexpr std::int64_t kMaxShops = 300;
constexpr std::int64_t kMaxMembers = 2000;
constexpr auto kListingPeriod = std::chrono::hours(24 * 182);

std::string FourDigits(std::int64_t number) {
  std::string text = std::to_string(number);
  return text.size() >= 4 ? text : std::string(4 - text.size(), '0') + text;
}

std::string PersonName(Random& random) {
  std::string name(random.Pick(Surnames()));
  name += random.Pick(GivenNameSyllables());
  name += random.Pick(GivenNameSyllables());
  return name;
}

struct ShopPlan {
  std::vector<core::SellerId> ids;
  // Approved shops by top category slug: each product goes to a shop that sells its kind.
  std::map<std::string, std::vector<core::SellerId>, std::less<>> by_trade;
};

std::vector<core::UserId> InsertMembers(accounts::AccountService& accounts, Random& random, std::int64_t count,
                                        std::int64_t sellers) {
  std::vector<accounts::RegisterCommand> members;
  members.reserve(count);
  for (std::int64_t index = 1; index <= count; ++index) {
    accounts::RegisterCommand member;
    member.email = "user" + FourDigits(index) + "@example.kp";
    member.password = "manmulsang-demo";
    member.name = PersonName(random);
    member.role = index <= sellers ? core::Role::seller : core::Role::buyer;
    members.push_back(std::move(member));
  }
  return accounts.InsertGeneratedMembers(members);
}

ShopPlan InsertShops(sellers::SellerService& sellers, catalog::CatalogService& catalog, Random& random,
                     std::span<const core::UserId> owners) {
  std::vector<catalog::Category> tops = catalog.TopCategories();
  if (tops.empty()) throw std::runtime_error("the category tree is empty: run the migrations first");
  std::vector<sellers::NewShop> shops;
  std::vector<std::string> trades;
  std::map<std::string, int> name_uses;
  for (std::size_t index = 0; index < owners.size(); ++index) {
    // Round-robin over the top categories, so every category has shops even in a small demo.
    const catalog::Category& top = tops[index % tops.size()];
    std::string_view city = random.Pick(Cities());
    std::string_view part = random.Pick(ShopNameParts());
    std::string name(city);
    if (!part.empty()) name += " " + std::string(part);
    name += " " + std::string(random.Pick(Trades(top.slug)));
    if (int uses = ++name_uses[name]; uses > 1) name += " 제" + std::to_string(uses) + "호";

    sellers::NewShop shop;
    shop.owner = owners[index];
    shop.name = name;
    shop.city = std::string(city);
    shop.description =
        std::string(city) + "에 있는 " + top.name_ko + " 전문 상점입니다. 좋은 물건을 알맞은 값에 팝니다.";
    // A few applications are still waiting for approval, as on a live site.
    shop.status =
        index < tops.size() || !random.Chance(0.05) ? sellers::ShopStatus::approved : sellers::ShopStatus::pending;
    shops.push_back(std::move(shop));
    trades.push_back(top.slug);
  }
  ShopPlan plan;
  plan.ids = sellers.InsertShops(shops);
  for (std::size_t index = 0; index < plan.ids.size(); ++index) {
    if (shops[index].status == sellers::ShopStatus::approved) plan.by_trade[trades[index]].push_back(plan.ids[index]);
  }
  return plan;
}

struct RecipeTarget {
  const ProductRecipe* recipe;
  catalog::Category category;
  std::string top_slug;
};

std::vector<RecipeTarget> ResolveRecipes(catalog::CatalogService& catalog) {
  std::vector<RecipeTarget> targets;
  for (const ProductRecipe& recipe : ProductRecipes()) {
    auto category = catalog.CategoryBySlug(recipe.subcategory);
    if (!category) continue;  // a recipe for a category that a migration removed
    auto path = catalog.Breadcrumb(category->id);
    targets.push_back({&recipe, *category, path.front().slug});
  }
  if (targets.empty()) throw std::runtime_error("no demo recipe matches the category tree");
  return targets;
}

std::int64_t RoundPrice(double won) {
  std::int64_t step = won >= 100000 ? 1000 : 100;
  return std::max<std::int64_t>(step, static_cast<std::int64_t>(std::llround(won / step)) * step);
}

catalog::NewProduct MakeProduct(Random& random, const RecipeTarget& target, const ShopPlan& shops, std::int64_t ordinal,
                                core::TimePoint now) {
  const ProductRecipe& recipe = *target.recipe;
  catalog::NewProduct product;
  const auto& sellers = shops.by_trade.at(target.top_slug);
  product.seller = sellers[random.Below(sellers.size())];
  product.category = target.category.id;

  std::string_view brand = random.Pick(std::span<const std::string_view>(recipe.brands));
  std::string_view kind = random.Pick(std::span<const std::string_view>(recipe.kinds));
  std::string options;
  std::size_t first_option = 0;
  for (std::size_t axis = 0; axis < recipe.options.size(); ++axis) {
    std::size_t choice = random.Below(recipe.options[axis].size());
    if (axis == 0) first_option = choice;
    options += " ";
    options += recipe.options[axis][choice];
  }
  if (brand.empty()) {
    product.name = std::string(kind) + options;  // the kind is itself a brand ("평양 소주")
  } else if (recipe.brand_last) {
    product.name = std::string(kind) + options + " — " + std::string(brand);
  } else {
    product.name = std::string(brand) + " " + std::string(kind) + options;
  }

  std::string description = std::string(kind) + (brand.empty() ? "." : " (" + std::string(brand) + ").");
  std::size_t first = random.Below(recipe.features.size());
  description += " " + std::string(recipe.features[first]);
  if (recipe.features.size() > 1) {
    std::size_t second = (first + 1 + random.Below(recipe.features.size() - 1)) % recipe.features.size();
    description += " " + std::string(recipe.features[second]);
  }
  if (!options.empty()) description += " 규격:" + options + ".";
  description += random.Chance(0.5) ? " 주문하시면 2~3일 안에 보내 드립니다." : " 도매 주문도 받습니다.";
  product.description = std::move(description);

  double won = static_cast<double>(random.Between(recipe.price_min, recipe.price_max)) *
               (1.0 + recipe.price_step * static_cast<double>(first_option));
  product.price = {RoundPrice(won), core::Currency::kpw};
  if (recipe.imported && random.Chance(0.08)) {
    bool dollars = random.Chance(0.6);
    std::int64_t rate = dollars ? kWonPerDollar : kWonPerYuan;
    // Whole units, priced like shops do: 249.00 rather than 248.37.
    std::int64_t units = std::max<std::int64_t>(1, std::llround(won / static_cast<double>(rate)));
    product.price = {units * 100, dollars ? core::Currency::usd : core::Currency::cny};
  }

  product.stock = random.Chance(0.05) ? 0 : random.Between(1, random.Chance(0.2) ? 1000 : 120);
  // Popularity and review counts are heavy-tailed: a few listings get most of the attention.
  double attention = -std::log(1.0 - random.Unit());
  product.popularity = static_cast<std::int64_t>(attention * attention * 150.0);
  // A rating is the average of reviews, and the demo's reviews are written later through the
  // reviews module (demo_reviews.cpp); a listing starts with none. The draws that once made a
  // rating up stay, so that a seed still gives the same names, prices and dates.
  if (!random.Chance(0.3) && static_cast<std::int64_t>(attention * 12.0) > 0) (void)random.Unit();
  auto age =
      std::chrono::seconds(random.Below(std::chrono::duration_cast<std::chrono::seconds>(kListingPeriod).count()));
  product.created_at = now - age;

  std::int64_t images = 1 + static_cast<std::int64_t>(random.Below(3));
  for (std::int64_t image = 1; image <= images; ++image) {
    product.images.push_back("/media/demo/" + target.category.slug + "-" + std::to_string(ordinal) + "-" +
                             std::to_string(image) + ".svg");
  }
  return product;
}

}  // namespace

bool DemoNeeded(catalog::CatalogService& catalog) { return catalog.CountActiveProducts() == 0; }

DemoSummary GenerateDemoMarketplace(db::Database& /*database*/, accounts::AccountService& accounts,
                                    sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                    const core::Clock& clock, const DemoOptions& options) {
  if (options.products < 0) throw std::runtime_error("the number of demo products cannot be negative");
  if (std::int64_t existing = catalog.CountActiveProducts(); existing > 0) {
    throw std::runtime_error("the store already has " + std::to_string(existing) +
                             " products; the demo fills only an empty store (use a new --data folder)");
  }
  Random random(options.seed);
  const core::TimePoint now = clock.Now();

  DemoSummary summary;
  std::int64_t shop_count = std::clamp<std::int64_t>(options.products / 30, 12, kMaxShops);
  std::int64_t member_count = std::clamp<std::int64_t>(options.products / 5, shop_count + 20, kMaxMembers);
  std::vector<core::UserId> members = InsertMembers(accounts, random, member_count, shop_count);
  summary.members = static_cast<std::int64_t>(members.size());

  ShopPlan shops = InsertShops(sellers, catalog, random,
                               std::span<const core::UserId>(members).first(static_cast<std::size_t>(shop_count)));
  summary.shops = static_cast<std::int64_t>(shops.ids.size());

  summary.buyers.assign(
      members.begin() + static_cast<std::ptrdiff_t>(std::min(static_cast<std::size_t>(shop_count), members.size())),
      members.end());

  std::vector<RecipeTarget> targets = ResolveRecipes(catalog);
  ProgressBar progress(options.progress, options.products);
  std::vector<catalog::NewProduct> batch;
  batch.reserve(kBatchSize);
  const std::int64_t sample_stride =
      std::max<std::int64_t>(1, (options.products + kProductSample - 1) / kProductSample);
  for (std::int64_t ordinal = 1; ordinal <= options.products; ++ordinal) {
    const RecipeTarget& target = targets[random.Below(targets.size())];
    batch.push_back(MakeProduct(random, target, shops, ordinal, now));
    if (static_cast<std::int64_t>(batch.size()) == kBatchSize || ordinal == options.products) {
      const std::vector<core::ProductId> inserted = catalog.InsertProducts(batch);
      for (std::size_t index = 0; index < inserted.size(); ++index) {
        if ((summary.products + static_cast<std::int64_t>(index)) % sample_stride == 0) {
          summary.product_sample.push_back(inserted[index]);
        }
      }
      summary.products += static_cast<std::int64_t>(inserted.size());
      batch.clear();
      progress.Show("상품", ordinal);
    }
  }
  progress.Finish();
  return summary;
}

}  // namespace manmulsang::demo
