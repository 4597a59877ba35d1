#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include "listing_import_job_repository.hpp"
#include "listing_test_store.hpp"
#include "manmulsang/catalog/listing_import_jobs.hpp"

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

  // A file of count listings named 상품 1 … 상품 count, one row each.
  static std::string NumberedListings(int count) {
    std::string csv = "name,category,price\n";
    for (int number = 1; number <= count; ++number) {
      csv += "상품 " + std::to_string(number) + ",clothing-winter," + std::to_string(1000 + number) + "\n";
    }
    return csv;
  }

  // The names of the member's listings, each once: a name listed twice fails the test.
  std::set<std::string> ListingNames(std::int64_t member) {
    std::set<std::string> names;
    ListingFilter filter;
    filter.per_page = kMaxPerPage;
    for (filter.page = 1;; ++filter.page) {
      auto page = listings_.ShopListings(Member(member), filter);
      if (!page) throw std::runtime_error("no shop");
      for (const Product& product : page->items) {
        EXPECT_TRUE(names.insert(product.name).second) << product.name << " was created twice";
      }
      if (page->items.empty() || filter.page * filter.per_page >= page->total) break;
    }
    return names;
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

TEST_F(ListingImportJobsTest, AJobStartedOnOneNodeIsRunAndShownByAnother) {
  // Two nodes on one store: the first only answers pages, the second's worker runs the job.
  ListingImportJobs pages_node(listings_, clock_, {}, ListingImportJobs::Worker::none);
  auto plan = ReadListingCsv(NumberedListings(3) + ",clothing-winter,1\n");
  ASSERT_TRUE(plan.has_value());
  auto id = pages_node.Start(Member(1), "상품.csv", std::move(*plan));
  ASSERT_TRUE(id.has_value());
  auto waiting = pages_node.Find(*id, core::UserId{1});
  ASSERT_TRUE(waiting.has_value());
  EXPECT_FALSE(waiting->finished);
  EXPECT_EQ(waiting->progress.rows_total, 4u);
  EXPECT_EQ(waiting->progress.rows_done, 0u);

  ListingImportJobs worker_node(listings_, clock_, {});
  EXPECT_NE(worker_node.node(), pages_node.node());
  const ListingImportJobView job = Finished(pages_node, *id, core::UserId{1});
  EXPECT_EQ(job.file_name, "상품.csv");
  EXPECT_EQ(job.progress.rows_done, 4u);
  EXPECT_EQ(job.progress.created, 3);
  ASSERT_EQ(job.errors.size(), 1u);
  EXPECT_EQ(job.errors[0].row, 5u);
  EXPECT_EQ(job.errors[0].code, "invalid_name");
  EXPECT_EQ(worker_node.Find(*id, core::UserId{1})->progress.created, 3);
  EXPECT_FALSE(worker_node.Find(*id, core::UserId{2}).has_value());
  EXPECT_EQ(ListingNames(1).size(), 3u);
}

TEST_F(ListingImportJobsTest, TheLimitsCountEveryNodesJobs) {
  ListingImportJobs first_node(listings_, clock_, {}, ListingImportJobs::Worker::none);
  ListingImportJobs second_node(listings_, clock_, {}, ListingImportJobs::Worker::none);
  const ListingImportPlan plan = *ReadListingCsv(NumberedListings(1));
  ASSERT_TRUE(first_node.Start(Member(1), "a.csv", plan).has_value());
  ASSERT_TRUE(second_node.Start(Member(1), "b.csv", plan).has_value());
  EXPECT_EQ(first_node.Start(Member(1), "c.csv", plan).error(), ListingImportJobRefusal::busy);
  EXPECT_EQ(second_node.Start(Member(1), "c.csv", plan).error(), ListingImportJobRefusal::busy);
  EXPECT_TRUE(second_node.Start(Member(2), "d.csv", plan).has_value()) << "another shop waits for no one";
}

TEST_F(ListingImportJobsTest, AJobStoppedMidwayIsFinishedByAnotherNodeAndEveryRowIsImportedOnce) {
  constexpr int kListings = 400;
  auto first_node = std::make_unique<ListingImportJobs>(listings_, clock_, std::function<void()>{});
  auto id = first_node->Start(Member(1), "많이.csv", *ReadListingCsv(NumberedListings(kListings)));
  ASSERT_TRUE(id.has_value());
  for (int attempt = 0; attempt < 1000 && first_node->Find(*id, core::UserId{1})->progress.rows_done == 0; ++attempt) {
    std::this_thread::sleep_for(1ms);
  }
  first_node.reset();  // stops between two listings and hands the job back
  const ListingImportJobView stopped =
      *ListingImportJobs(listings_, clock_, {}, ListingImportJobs::Worker::none).Find(*id, core::UserId{1});
  if (stopped.finished) GTEST_LOG_(INFO) << "the first node finished before it was stopped";

  ListingImportJobs second_node(listings_, clock_, {});
  const ListingImportJobView job = Finished(second_node, *id, core::UserId{1});
  EXPECT_EQ(job.progress.rows_done, static_cast<std::size_t>(kListings));
  EXPECT_EQ(job.progress.created, kListings);
  EXPECT_TRUE(job.errors.empty());
  EXPECT_EQ(ListingNames(1).size(), static_cast<std::size_t>(kListings));
}

TEST_F(ListingImportJobsTest, ADeadNodesJobWaitsForItsLeaseToRunOutThenIsResumedOnce) {
  const std::string csv = NumberedListings(20);
  ListingImportJobs pages_node(listings_, clock_, {}, ListingImportJobs::Worker::none);
  auto id = pages_node.Start(Member(1), "x.csv", *ReadListingCsv(csv));
  ASSERT_TRUE(id.has_value());

  // A node claims the job, creates its first five listings as a worker does, and dies (kill -9:
  // nothing handed back).
  db::Database& database = store_.database();
  const std::int64_t now = core::ToUnixSeconds(clock_.Now());
  auto claimed = database.Write([&](db::Connection& connection) {
    return ListingImportJobRepository::Claim(connection, "dead-node", now, now + ListingImportJobs::kLease.count());
  });
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->id, *id);
  const ListingImportPlan plan = *ReadListingCsv(csv);
  for (std::int64_t index = 0; index < 5; ++index) {
    auto created = listings_.CreateRecorded(
        Member(1), plan.listings[index].input, [&](db::Connection& connection, core::ProductId product) {
          return ListingImportJobRepository::MarkCreated(connection, *id, index, product);
        });
    ASSERT_TRUE(created.has_value() && created->has_value());
  }
  // A listing that left the plan is never created again: the transaction rolls back.
  auto again = listings_.CreateRecorded(Member(1), plan.listings[0].input,
                                        [&](db::Connection& connection, core::ProductId product) {
                                          return ListingImportJobRepository::MarkCreated(connection, *id, 0, product);
                                        });
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->has_value());
  EXPECT_EQ(ListingNames(1).size(), 5u);

  // Another node's worker leaves the job alone while the lease lasts: one worker per job.
  ListingImportJobs live_node(listings_, clock_, {});
  std::this_thread::sleep_for(2500ms);  // two of the worker's looks for work
  auto running = live_node.Find(*id, core::UserId{1});
  EXPECT_FALSE(running->finished);
  EXPECT_EQ(running->progress.rows_done, 5u);
  EXPECT_EQ(running->progress.created, 5);

  clock_.Advance(ListingImportJobs::kLease + 1s);
  const ListingImportJobView job = Finished(live_node, *id, core::UserId{1});
  EXPECT_EQ(job.progress.rows_done, 20u);
  EXPECT_EQ(job.progress.created, 20);
  EXPECT_EQ(ListingNames(1).size(), 20u);
}

TEST_F(ListingImportJobsTest, TwoNodesNeverClaimTheSameJob) {
  ListingImportJobs pages_node(listings_, clock_, {}, ListingImportJobs::Worker::none);
  auto id = pages_node.Start(Member(1), "x.csv", *ReadListingCsv(NumberedListings(1)));
  ASSERT_TRUE(id.has_value());
  db::Database& database = store_.database();
  const auto claim = [&](std::string_view node) {
    const std::int64_t now = core::ToUnixSeconds(clock_.Now());
    return database.Write(
        [&](db::Connection& connection) { return ListingImportJobRepository::Claim(connection, node, now, now + 60); });
  };
  // Claimed from many threads at once: exactly one wins.
  std::atomic<int> winners = 0;
  {
    std::vector<std::jthread> nodes;
    for (int node = 0; node < 8; ++node) {
      nodes.emplace_back([&, node] {
        if (claim("node-" + std::to_string(node))) ++winners;
      });
    }
  }
  EXPECT_EQ(winners, 1);
  EXPECT_FALSE(claim("late-node").has_value()) << "claimed while its lease lasts";
  clock_.Advance(61s);
  auto taken_over = claim("late-node");
  ASSERT_TRUE(taken_over.has_value()) << "a lease that ran out is taken over";
  EXPECT_EQ(taken_over->id, *id);
}

}  // namespace
}  // namespace manmulsang::catalog
