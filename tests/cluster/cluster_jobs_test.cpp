// The background work of a cluster (docs/ARCHITECTURE.md, "What is per node"): a CSV import
// started on one node shows its progress on the other, and when the node running it is killed
// the other node takes the job over once its lease has run out and creates every listing exactly
// once; the timed order jobs run on both nodes at once and move each due order exactly once.
#include <signal.h>

#include <chrono>
#include <ctime>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cluster_fixture.hpp"
#include "html_scan.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// ListingImportJobs::kLease (60 s) is a constant with no option to shorten it, so a takeover
// waits for the real lease: the worker claims a job whose lease_until has passed.
constexpr auto kImportLease = 60s;

std::int64_t UnixNow() { return static_cast<std::int64_t>(std::time(nullptr)); }

// A number the job page shows in <strong class="name">N</strong>, or -1.
std::int64_t Counter(const std::string& page, const std::string& name) {
  const std::regex pattern("<strong class=\"" + name + "\">(\\d+)</strong>");
  std::smatch match;
  if (!std::regex_search(page, match, pattern)) return -1;
  return std::stoll(match[1].str());
}

// The node sections of TestCluster::Logs (not nginx's, whose error log has its own [error]s
// for a killed upstream): each line that spdlog wrote at error or critical level.
std::vector<std::string> ErrorLines(const std::string& logs) {
  std::vector<std::string> found;
  const std::size_t nginx = logs.find("---- nginx");
  const std::string nodes = logs.substr(0, nginx);
  std::size_t start = 0;
  while (start < nodes.size()) {
    std::size_t end = nodes.find('\n', start);
    if (end == std::string::npos) end = nodes.size();
    const std::string line = nodes.substr(start, end - start);
    if (line.find("[error]") != std::string::npos || line.find("[critical]") != std::string::npos) {
      found.push_back(line);
    }
    start = end + 1;
  }
  return found;
}

// Named ...ClusterTest so that `ctest -R ClusterTest` runs these with the others.
class JobsClusterTest : public ClusterTest {
 protected:
  // The cluster's store, to check what the scenario left there.
  db::Database& Store() {
    if (!store_) store_ = db::Database::Open(cluster_->database_url());
    return *store_;
  }

  // A browser signed in through node's login form (the import pages take the session cookie).
  HttpClient Browser(int node, const std::string& email, const std::string& password) const {
    HttpClient browser = Client(node);
    HttpResponse form = browser.Get("/login");
    const std::optional<std::string> csrf = FindInputValue(form.body, "_csrf");
    if (form.status != 200 || !csrf) throw std::runtime_error("/login has no form: " + std::to_string(form.status));
    HttpResponse login =
        browser.Post("/login", {{"_csrf", *csrf}, {"next", "/"}, {"email", email}, {"password", password}});
    if (login.status != 303 || !browser.Cookie("mm_session")) {
      throw std::runtime_error("the login form did not sign in: " + std::to_string(login.status) + " " + login.body);
    }
    return browser;
  }

  std::unique_ptr<db::Database> store_;
};

TEST_F(JobsClusterTest, AnImportStartedOnOneNodeIsFinishedByTheOtherAfterAKillWithEveryRowOnce) {
  constexpr int kRows = 2000;
  const std::string prefix = "클러스터 가져오기 배 ";
  std::string csv = "name,category,price,stock\n";
  for (int row = 0; row < kRows; ++row) csv += prefix + std::to_string(10000 + row) + ",food,1500,4\n";

  HttpClient on_zero = Browser(0, kDemoSellerEmail, kDemoPassword);
  HttpResponse form = on_zero.Get("/seller/products/import");
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  const std::optional<std::string> csrf = FindInputValue(form.body, "_csrf");
  ASSERT_TRUE(csrf.has_value());
  const std::string body = "--" + std::string(kBoundary) +
                           "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + *csrf + "\r\n--" +
                           std::string(kBoundary) +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"배.csv\"\r\n"
                           "Content-Type: text/csv\r\n\r\n" +
                           csv + "\r\n--" + std::string(kBoundary) + "--\r\n";
  HttpResponse uploaded =
      on_zero.Send("POST", "/seller/products/import", body, "multipart/form-data; boundary=" + std::string(kBoundary));
  ASSERT_EQ(uploaded.status, 303) << uploaded.body.substr(0, 500);
  const std::string job_page = uploaded.Header("Location").value_or("");
  ASSERT_TRUE(job_page.starts_with("/seller/products/import/")) << job_page;
  const std::string job = job_page.substr(std::string_view("/seller/products/import/").size());

  // The same browser session reads the job on each node.
  const auto browser_on = [&](int node) {
    HttpClient browser = Client(node);
    for (const auto& [name, value] : on_zero.cookies()) browser.SetCookie(name, value);
    return browser;
  };
  // Which node runs it: claimed_by names the process (host:pid:random). Node 0 woke its worker
  // as it queued the job; node 1's worker looks only every second, so it is nearly always node 0,
  // but whichever it is gets killed and the other must finish the job.
  std::string claimed_by;
  std::int64_t rows_done_before_kill = -1;
  const auto progress_deadline = Clock::now() + 30s;
  while (Clock::now() < progress_deadline) {
    Store().Read([&](db::Connection& connection) {
      auto row = connection.QueryOne("SELECT claimed_by FROM listing_import_jobs WHERE id = $1", {job});
      claimed_by = row ? row->Text(0) : "";
    });
    HttpResponse page = browser_on(1).Get(job_page);
    ASSERT_EQ(page.status, 200) << "node 1 does not show node 0's job: " << page.body.substr(0, 300);
    ASSERT_EQ(page.body.find("import-done"), std::string::npos) << "the job finished before the kill: use more rows";
    rows_done_before_kill = Counter(page.body, "rows-done");
    if (!claimed_by.empty() && rows_done_before_kill > 0) break;
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_GT(rows_done_before_kill, 0) << "node 1 never showed any progress";
  std::size_t runner = 2;
  for (std::size_t node : {0u, 1u}) {
    if (claimed_by.find(":" + std::to_string(cluster_->node_pid(node)) + ":") != std::string::npos) runner = node;
  }
  ASSERT_NE(runner, 2u) << "claimed_by " << claimed_by << " names neither node";
  const int survivor = runner == 0 ? 1 : 0;
  RecordProperty("runner", static_cast<int>(runner));
  cluster_->KillNode(runner);
  const auto killed_at = Clock::now();

  // The survivor shows the job, unfinished, while the dead node's lease lasts, then finishes it.
  HttpResponse page;
  bool done = false;
  std::int64_t last_rows_done = -1;
  while (!done && Clock::now() - killed_at < kImportLease + 60s) {
    page = browser_on(survivor).Get(job_page);
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
    const std::int64_t rows_done = Counter(page.body, "rows-done");
    EXPECT_GE(rows_done, last_rows_done) << "progress went back";
    last_rows_done = rows_done;
    done = page.body.find("import-done") != std::string::npos;
    if (!done) std::this_thread::sleep_for(500ms);
  }
  ASSERT_TRUE(done) << "node " << survivor << " did not finish the job within the lease and a minute; rows done "
                    << last_rows_done << " of " << kRows;
  RecordProperty("finished_after_kill_s",
                 static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - killed_at).count()));
  EXPECT_EQ(Counter(page.body, "rows-done"), kRows);
  EXPECT_EQ(Counter(page.body, "created-count"), kRows);
  EXPECT_EQ(Counter(page.body, "error-count"), 0);

  // Every row is one listing: none lost with the killed node, none made twice by the two.
  std::map<std::string, std::int64_t> by_name;
  Store().Read([&](db::Connection& connection) {
    for (const db::Row& row :
         connection.Query("SELECT name, COUNT(*) FROM products WHERE name LIKE $1 GROUP BY name", {prefix + "%"})) {
      by_name[row.Text(0)] = row.Int(1);
    }
  });
  EXPECT_EQ(by_name.size(), static_cast<std::size_t>(kRows));
  for (const auto& [name, count] : by_name) EXPECT_EQ(count, 1) << name;
  std::string status;
  Store().Read([&](db::Connection& connection) {
    auto row = connection.QueryOne("SELECT status FROM listing_import_jobs WHERE id = $1", {job});
    status = row ? row->Text(0) : "";
  });
  EXPECT_EQ(status, "finished");
}

TEST_F(JobsClusterTest, TheMinuteJobsRunOnBothNodesAndMoveEachDueOrderOnce) {
  // The demo's orders were placed over the past weeks: with a deadline of 1 hour and
  // auto-confirmation after 1 day, its older unpaid bank transfers and delivered orders are due.
  // Both nodes started together, so both run their next turn (kJobsIntervalSeconds after the
  // first) at about the same moment; TryTransactionLock and the conditional status update must let
  // each order move once.
  const std::string admin = AdminToken();
  const std::int64_t now = UnixNow();
  // Orders within this margin of the new limits may become due while the test waits: neither
  // expected to move nor to stay.
  constexpr std::int64_t kMargin = 300;
  std::vector<std::int64_t> expiring, confirming, staying;
  std::map<std::int64_t, std::int64_t> stock_before, restocked;
  Store().Read([&](db::Connection& connection) {
    for (const db::Row& row : connection.Query(
             "SELECT id, status, payment_method, updated_at FROM orders WHERE status IN ('awaiting_payment', "
             "'delivered') ORDER BY id")) {
      const std::int64_t id = row.Int(0);
      const std::int64_t age = now - row.Int(3);
      const bool unpaid_transfer = row.Text(1) == "awaiting_payment" && row.Text(2) == "bank_transfer";
      const std::int64_t limit = unpaid_transfer ? 3600 : row.Text(1) == "delivered" ? 86400 : -1;
      if (limit < 0) continue;
      if (age >= limit) {
        (unpaid_transfer ? expiring : confirming).push_back(id);
      } else if (age < limit - kMargin) {
        staying.push_back(id);
      }
    }
    for (const std::int64_t order : expiring) {
      for (const db::Row& line :
           connection.Query("SELECT product_id, quantity FROM order_lines WHERE order_id = $1", {order})) {
        restocked[line.Int(0)] += line.Int(1);
      }
    }
    for (const auto& [product, quantity] : restocked) {
      stock_before[product] = connection.QueryOne("SELECT stock FROM products WHERE id = $1", {product})->Int(0);
    }
  });
  ASSERT_FALSE(expiring.empty()) << "the demo has no unpaid bank transfer older than an hour";
  ASSERT_FALSE(confirming.empty()) << "the demo has no delivered order older than a day";
  RecordProperty("expiring", static_cast<int>(expiring.size()));
  RecordProperty("confirming", static_cast<int>(confirming.size()));

  HttpResponse current = Client(0, admin).Get("/api/v1/admin/settings");
  ASSERT_EQ(current.status, 200) << current.body;
  HttpResponse changed = Client(0, admin).Send(
      "PUT", "/api/v1/admin/settings",
      R"({"version":)" + std::to_string(Int(current.Json().at("version"))) +
          R"(,"reason":"클러스터 시험: 기한을 줄인다","bank_transfer_deadline_hours":1,"auto_confirm_days":1})",
      "application/json");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const auto changed_at = Clock::now();

  // The next turn comes within kJobsIntervalSeconds; wait for every due order to move.
  const auto moved_all = [&] {
    return Store().Read([&](db::Connection& connection) {
      for (const std::int64_t order : expiring) {
        if (connection.QueryOne("SELECT status FROM orders WHERE id = $1", {order})->Text(0) != "cancelled") {
          return false;
        }
      }
      for (const std::int64_t order : confirming) {
        if (connection.QueryOne("SELECT status FROM orders WHERE id = $1", {order})->Text(0) != "confirmed") {
          return false;
        }
      }
      return true;
    });
  };
  bool moved = false;
  while (!moved && Clock::now() - changed_at < 90s) {
    moved = moved_all();
    if (!moved) std::this_thread::sleep_for(500ms);
  }
  ASSERT_TRUE(moved) << "the due orders did not all move within 90 s of the settings change";
  RecordProperty("moved_after_s",
                 static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - changed_at).count()));
  // The other node's turn: let it run (it finds nothing, or waits on the lock), and one more.
  std::this_thread::sleep_for(std::chrono::seconds(2 * kJobsIntervalSeconds));

  Store().Read([&](db::Connection& connection) {
    const auto steps_to = [&](std::int64_t order, std::string_view status) {
      return connection
          .QueryOne("SELECT COUNT(*) FROM order_steps WHERE order_id = $1 AND to_status = $2", {order, status})
          ->Int(0);
    };
    for (const std::int64_t order : expiring) {
      EXPECT_EQ(steps_to(order, "cancelled"), 1) << "order " << order << " expired more than once";
      EXPECT_EQ(connection.QueryOne("SELECT COUNT(*) FROM ledger_transfers WHERE order_id = $1", {order})->Int(0), 0)
          << "an unpaid order that expired moved money: order " << order;
    }
    for (const std::int64_t order : confirming) {
      EXPECT_EQ(steps_to(order, "confirmed"), 1) << "order " << order << " confirmed more than once";
      EXPECT_EQ(connection
                    .QueryOne("SELECT COUNT(*) FROM ledger_transfers WHERE order_id = $1 AND kind = 'release'", {order})
                    ->Int(0),
                1)
          << "order " << order << " released to its shop other than once";
    }
    // The stock came back once per expired order's line, not once per node.
    for (const auto& [product, quantity] : restocked) {
      EXPECT_EQ(connection.QueryOne("SELECT stock FROM products WHERE id = $1", {product})->Int(0),
                stock_before[product] + quantity)
          << "product " << product;
    }
    for (const std::int64_t order : staying) {
      const std::string status = connection.QueryOne("SELECT status FROM orders WHERE id = $1", {order})->Text(0);
      EXPECT_TRUE(status == "awaiting_payment" || status == "delivered") << "order " << order << " is " << status;
    }
  });
  for (const std::string& line : ErrorLines(cluster_->Logs())) ADD_FAILURE() << "a node logged: " << line;
}

}  // namespace
}  // namespace manmulsang::testing
