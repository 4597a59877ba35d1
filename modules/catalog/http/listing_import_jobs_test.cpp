#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <thread>

#include "listing_import.hpp"
#include "test_database.hpp"

namespace manmulsang::catalog {
namespace {

using namespace std::chrono_literals;

class ListingImportJobsTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 3> Modules() {
    return {{{"sellers", sellers::Migrations()}, {"search", search::Migrations()}, {"catalog", Migrations()}}};
  }

  void SetUp() override {
    std::vector<sellers::NewShop> shops = {
        {core::UserId{1}, "평양 옷가게", "", "평양", sellers::ShopStatus::approved},
        {core::UserId{2}, "남포 상점", "", "남포", sellers::ShopStatus::approved},
    };
    sellers_.InsertShops(shops);
  }

  static core::Actor Member(std::int64_t user) {
    core::Actor actor;
    actor.user = core::UserId{user};
    actor.role = core::Role::seller;
    return actor;
  }

  // The job's view once it has finished (the worker runs on its own thread).
  ListingImportJobView Finished(ListingImportJobs& jobs, const std::string& id, core::UserId owner) {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      auto job = jobs.Find(id, owner);
      if (!job) throw std::runtime_error("the job is gone");
      if (job->finished) return *job;
      std::this_thread::sleep_for(10ms);
    }
    throw std::runtime_error("the job never finished");
  }

  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  sellers::SellerService sellers_{store_.database(), clock_};
  search::SearchService search_{store_.database()};
  CatalogService catalog_{store_.database(), clock_, sellers_, &search_};
  ListingService listings_{store_.database(), clock_, sellers_, catalog_};
};

TEST_F(ListingImportJobsTest, AJobRunsInTheBackgroundBelongsToItsOwnerAndIsForgottenAfterAnHour) {
  std::atomic<int> finished_with_listings = 0;
  ListingImportJobs jobs(listings_, clock_, [&] { ++finished_with_listings; });
  auto plan = ReadListingCsv("name,category,price\n털모자,clothing-winter,8000\n,clothing-winter,1\n");
  ASSERT_TRUE(plan.has_value());
  auto id = jobs.Start(Member(1), "모자.csv", std::move(*plan));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->size(), 32u);

  const ListingImportJobView job = Finished(jobs, *id, core::UserId{1});
  EXPECT_EQ(job.file_name, "모자.csv");
  EXPECT_EQ(job.progress.rows_total, 2u);
  EXPECT_EQ(job.progress.rows_done, 2u);
  EXPECT_EQ(job.progress.created, 1);
  ASSERT_EQ(job.errors.size(), 1u);
  EXPECT_EQ(job.errors[0].row, 3u);
  EXPECT_EQ(job.errors[0].code, "invalid_name");
  EXPECT_FALSE(job.failed);
  EXPECT_EQ(finished_with_listings, 1);

  EXPECT_FALSE(jobs.Find(*id, core::UserId{2}).has_value()) << "another shop's owner sees the job";
  EXPECT_FALSE(jobs.Find("0123456789abcdef0123456789abcdef", core::UserId{1}).has_value());
  clock_.Advance(59min);
  EXPECT_TRUE(jobs.Find(*id, core::UserId{1}).has_value());
  clock_.Advance(2min);
  EXPECT_FALSE(jobs.Find(*id, core::UserId{1}).has_value()) << "kept past an hour";
}

TEST_F(ListingImportJobsTest, AMemberWithoutAShopGetsAFailedJobAndNothingIsStored) {
  ListingImportJobs jobs(listings_, clock_, {});
  auto plan = ReadListingCsv("name,category,price\n털모자,clothing-winter,8000\n");
  ASSERT_TRUE(plan.has_value());
  auto id = jobs.Start(Member(9), "x.csv", std::move(*plan));
  ASSERT_TRUE(id.has_value());
  EXPECT_TRUE(Finished(jobs, *id, core::UserId{9}).failed);
  ProductQuery query;
  query.text = "털모자";
  EXPECT_EQ(catalog_.ListProducts(query)->total, 0);
}

}  // namespace
}  // namespace manmulsang::catalog
