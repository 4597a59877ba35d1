#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <thread>

#include "listing_import.hpp"
#include "listing_test_store.hpp"

namespace manmulsang::catalog {
namespace {

using namespace std::chrono_literals;

class ListingImportJobsTest : public ListingTestStore {
 protected:
  void SetUp() override { InsertShops(/*with_pending=*/false); }

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
