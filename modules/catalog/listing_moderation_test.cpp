#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "listing_test_store.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/catalog/listing_reports.hpp"

namespace manmulsang::catalog {
namespace {

class ListingModerationTest : public ListingTestStore {
 protected:
  void SetUp() override {
    shops_ = InsertShops();
    ListingInput input;
    input.category_slug = "clothing-winter";
    input.name = "솜동복";
    input.description = "따뜻한 겨울 솜옷";
    input.price = {40'000, core::Currency::kpw};
    input.stock = 7;
    auto id = listings_.Create(Member(1), input);
    ASSERT_TRUE(id.has_value());
    listing_ = *id;
  }

  static core::Actor Admin() {
    core::Actor actor;
    actor.user = core::UserId{50};
    actor.role = core::Role::admin;
    return actor;
  }

  static core::Actor Buyer(std::int64_t user) {
    core::Actor actor;
    actor.user = core::UserId{user};
    actor.role = core::Role::buyer;
    return actor;
  }

  std::vector<std::string> Found(std::string_view text) {
    ProductQuery query;
    query.text = text;
    auto page = catalog_.ListProducts(query);
    std::vector<std::string> names;
    if (!page) return {"(refused)"};
    for (const Product& product : page->items) names.push_back(product.name);
    return names;
  }

  std::int64_t OpenReports() {
    return store_->Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT COUNT(*) FROM listing_reports WHERE status = 'open'")->Int(0);
    });
  }

  std::vector<audit::AuditRecord> History() {
    audit::AuditLog log(*store_);
    return log.ForSubject("product", std::to_string(listing_.value));
  }

  std::vector<core::SellerId> shops_;
  core::ProductId listing_;
};

TEST_F(ListingModerationTest, AMemberReportsAListingOnce) {
  EXPECT_TRUE(catalog_.ReportListing(Buyer(10), listing_, {"false_claim", "사진과 다릅니다"}).has_value());
  auto again = catalog_.ReportListing(Buyer(10), listing_, {"other", ""});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error(), ModerationError::already_reported);
  EXPECT_TRUE(catalog_.ReportListing(Buyer(11), listing_, {"suspected_fraud", ""}).has_value());
  EXPECT_EQ(OpenReports(), 2);
  EXPECT_EQ(catalog_.CountOpenReports(), 1);  // one listing
}

TEST_F(ListingModerationTest, BadReportsAreRefusedAndChangeNothing) {
  EXPECT_EQ(catalog_.ReportListing(core::Actor{}, listing_, {"other", ""}).error(), ModerationError::not_signed_in);
  EXPECT_EQ(catalog_.ReportListing(Buyer(10), listing_, {"spam", ""}).error(), ModerationError::invalid_reason);
  EXPECT_EQ(catalog_.ReportListing(Buyer(10), listing_, {"other", std::string(501, 'x')}).error(),
            ModerationError::invalid_details);
  EXPECT_EQ(catalog_.ReportListing(Buyer(10), listing_, {"other", std::string("a\x01")}).error(),
            ModerationError::invalid_details);
  EXPECT_EQ(catalog_.ReportListing(Buyer(10), listing_, {"other", "\xff"}).error(), ModerationError::invalid_details);
  EXPECT_EQ(catalog_.ReportListing(Buyer(10), core::ProductId{999999}, {"other", ""}).error(),
            ModerationError::listing_not_found);
  EXPECT_EQ(catalog_.ReportListing(Member(1), listing_, {"other", ""}).error(), ModerationError::own_listing);
  EXPECT_EQ(OpenReports(), 0);
  EXPECT_EQ(catalog_.CountOpenReports(), 0);
}

TEST_F(ListingModerationTest, TakeDownRemovesTheListingAndItsSellerCannotShowItAgain) {
  ASSERT_TRUE(catalog_.ReportListing(Buyer(10), listing_, {"prohibited_item", ""}).has_value());
  ASSERT_TRUE(catalog_.ReportListing(Buyer(11), listing_, {"copyright", ""}).has_value());
  ASSERT_EQ(Found("솜동복").size(), 1u);

  auto taken = catalog_.TakeDownListing(Admin(), listing_, "금지 품목입니다");
  ASSERT_TRUE(taken.has_value());
  EXPECT_TRUE(Found("솜동복").empty());
  EXPECT_FALSE(catalog_.GetProduct(listing_).has_value());
  EXPECT_EQ(OpenReports(), 0);  // every open report closed
  EXPECT_EQ(catalog_.CountOpenReports(), 0);

  // The seller sees the reason and cannot show it again, through any path.
  auto own = listings_.Get(Member(1), listing_);
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(own->status, ProductStatus::hidden);
  EXPECT_EQ(own->take_down_reason, std::optional<std::string>("금지 품목입니다"));
  auto shown = listings_.SetHidden(Member(1), listing_, false);
  ASSERT_FALSE(shown.has_value());
  EXPECT_EQ(shown.error().error, ListingError::taken_down);
  auto listed = listings_.ShopListings(Member(1), {});
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items.front().take_down_reason, std::optional<std::string>("금지 품목입니다"));
  EXPECT_TRUE(Found("솜동복").empty());

  auto twice = catalog_.TakeDownListing(Admin(), listing_, "다시");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error(), ModerationError::already_taken_down);

  // A report after the take-down: the listing is not shown, so there is nothing to report.
  EXPECT_EQ(catalog_.ReportListing(Buyer(12), listing_, {"other", ""}).error(), ModerationError::listing_not_found);

  auto history = History();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history.front().entry.action, "product.take_down");
  EXPECT_EQ(history.front().entry.admin, core::UserId{50});
  EXPECT_EQ(history.front().entry.before, "active");
  EXPECT_EQ(history.front().entry.reason, "금지 품목입니다");
}

TEST_F(ListingModerationTest, RestoreGivesBackTheStatusAndTheSellerMayShowAgain) {
  ASSERT_TRUE(listings_.SetHidden(Member(1), listing_, true).has_value());
  ASSERT_TRUE(catalog_.TakeDownListing(Admin(), listing_, "확인 중").has_value());
  auto restored = catalog_.RestoreListing(Admin(), listing_, "오해였습니다");
  ASSERT_TRUE(restored.has_value());
  EXPECT_EQ(restored->status, ProductStatus::hidden);  // as the seller had it
  auto own = listings_.Get(Member(1), listing_);
  ASSERT_TRUE(own.has_value());
  EXPECT_FALSE(own->take_down_reason.has_value());
  ASSERT_TRUE(listings_.SetHidden(Member(1), listing_, false).has_value());
  EXPECT_EQ(Found("솜동복").size(), 1u);
  EXPECT_TRUE(catalog_.GetProduct(listing_).has_value());

  EXPECT_EQ(catalog_.RestoreListing(Admin(), listing_, "").error(), ModerationError::not_taken_down);
  auto history = History();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history.front().entry.action, "product.restore");  // newest first
  EXPECT_EQ(history.front().entry.after, "hidden");
}

TEST_F(ListingModerationTest, RestoringAnActiveListingPutsItBackInSearch) {
  ASSERT_TRUE(catalog_.TakeDownListing(Admin(), listing_, "확인 중").has_value());
  ASSERT_TRUE(catalog_.RestoreListing(Admin(), listing_, "").has_value());
  EXPECT_EQ(Found("솜동복").size(), 1u);
}

TEST_F(ListingModerationTest, ARestoreDuringTheShopsSuspensionWaitsForItsEnd) {
  ASSERT_TRUE(catalog_.TakeDownListing(Admin(), listing_, "확인 중").has_value());
  ASSERT_TRUE(catalog_.SuspendShop(Admin(), shops_[0], "조사 중").has_value());
  ASSERT_TRUE(catalog_.RestoreListing(Admin(), listing_, "").has_value());
  EXPECT_TRUE(Found("솜동복").empty());
  ASSERT_TRUE(catalog_.UnsuspendShop(Admin(), shops_[0], "").has_value());
  EXPECT_EQ(Found("솜동복").size(), 1u);
}

TEST_F(ListingModerationTest, RacingReportsOfOneMemberCountOnceAndRacingAdminsTakeDownOnce) {
  std::atomic<int> reported = 0;
  std::atomic<int> taken = 0;
  {
    std::vector<std::jthread> members;
    for (int attempt = 0; attempt < 8; ++attempt) {
      members.emplace_back([&] {
        if (catalog_.ReportListing(Buyer(10), listing_, {"other", ""})) ++reported;
      });
    }
  }
  EXPECT_EQ(reported.load(), 1);
  EXPECT_EQ(OpenReports(), 1);
  {
    std::vector<std::jthread> admins;
    for (int attempt = 0; attempt < 4; ++attempt) {
      admins.emplace_back([&] {
        if (catalog_.TakeDownListing(Admin(), listing_, "금지 품목")) ++taken;
      });
    }
  }
  EXPECT_EQ(taken.load(), 1);
  EXPECT_EQ(History().size(), 1u);
  EXPECT_EQ(OpenReports(), 0);
}

TEST_F(ListingModerationTest, DismissClosesEveryOpenReportAndIsAudited) {
  ASSERT_TRUE(catalog_.ReportListing(Buyer(10), listing_, {"false_claim", ""}).has_value());
  ASSERT_TRUE(catalog_.ReportListing(Buyer(11), listing_, {"false_claim", ""}).has_value());
  ASSERT_TRUE(catalog_.DismissListingReports(Admin(), listing_, "문제없음").has_value());
  EXPECT_EQ(OpenReports(), 0);
  EXPECT_EQ(Found("솜동복").size(), 1u);
  EXPECT_EQ(catalog_.DismissListingReports(Admin(), listing_, "").error(), ModerationError::no_open_reports);
  // A dismissed member still reported once.
  EXPECT_EQ(catalog_.ReportListing(Buyer(10), listing_, {"other", ""}).error(), ModerationError::already_reported);
  auto history = History();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history.front().entry.action, "report.dismiss");
}

TEST_F(ListingModerationTest, OnlyAdminsModerateAndAReasonIsNeeded) {
  ASSERT_TRUE(catalog_.ReportListing(Buyer(10), listing_, {"false_claim", ""}).has_value());
  EXPECT_EQ(catalog_.TakeDownListing(Buyer(10), listing_, "x").error(), ModerationError::forbidden);
  EXPECT_EQ(catalog_.TakeDownListing(Member(2), listing_, "x").error(), ModerationError::forbidden);
  EXPECT_EQ(catalog_.DismissListingReports(Buyer(10), listing_, "").error(), ModerationError::forbidden);
  EXPECT_EQ(catalog_.RestoreListing(Buyer(10), listing_, "").error(), ModerationError::forbidden);
  EXPECT_EQ(catalog_.ListingReportQueue(Buyer(10), {}).error(), ModerationError::forbidden);
  EXPECT_EQ(catalog_.TakeDownListing(Admin(), listing_, "   ").error(), ModerationError::invalid_reason);
  EXPECT_EQ(catalog_.TakeDownListing(Admin(), core::ProductId{999999}, "x").error(),
            ModerationError::listing_not_found);
  EXPECT_EQ(Found("솜동복").size(), 1u);
  EXPECT_TRUE(History().empty());
}

TEST_F(ListingModerationTest, TheQueueShowsOpenReportsFirstInContext) {
  ListingInput other;
  other.category_slug = "clothing-winter";
  other.name = "털모자";
  other.price = {5'000, core::Currency::kpw};
  other.stock = 3;
  auto second = listings_.Create(Member(2), other);
  ASSERT_TRUE(second.has_value());
  ASSERT_TRUE(catalog_.ReportListing(Buyer(10), listing_, {"false_claim", ""}).has_value());
  ASSERT_TRUE(catalog_.ReportListing(Buyer(10), *second, {"copyright", "남의 사진"}).has_value());
  ASSERT_TRUE(catalog_.ReportListing(Buyer(11), *second, {"copyright", ""}).has_value());
  clock_.Advance(std::chrono::minutes(1));
  ASSERT_TRUE(catalog_.DismissListingReports(Admin(), listing_, "").has_value());

  auto all = catalog_.ListingReportQueue(Admin(), {});
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->total, 2);
  ASSERT_EQ(all->items.size(), 2u);
  EXPECT_EQ(all->items[0].product.id, *second);
  EXPECT_EQ(all->items[0].product.seller_name, "남포 상점");
  EXPECT_EQ(all->items[0].open_reports, 2);
  ASSERT_EQ(all->items[0].reasons.size(), 1u);
  EXPECT_EQ(all->items[0].reasons[0].reason, ReportReason::copyright);
  EXPECT_EQ(all->items[0].reasons[0].count, 2);
  EXPECT_EQ(all->items[1].product.id, listing_);
  EXPECT_EQ(all->items[1].open_reports, 0);

  auto open = catalog_.ListingReportQueue(Admin(), {.open_only = true});
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->total, 1);
  EXPECT_EQ(catalog_.ListingReportQueue(Admin(), {.per_page = 0}).error(), ModerationError::invalid_query);
}

}  // namespace
}  // namespace manmulsang::catalog
