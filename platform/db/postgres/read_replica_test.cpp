// Read replicas against a real streaming standby of the tests' PostgreSQL 15: the test copies
// the cluster with pg_basebackup, starts the copy as a standby on a socket of its own, and
// stops and removes it afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "manmulsang/db/database.hpp"
#include "test_database.hpp"

namespace manmulsang::db {
namespace {

constexpr std::string_view kBinaries = "/usr/lib/postgresql/15/bin/";

// The value of key=... in a libpq URL's query ("host" → the socket folder).
std::string UrlParameter(const std::string& url, const std::string& key) {
  const std::size_t start = url.find(key + "=");
  if (start == std::string::npos) return "";
  const std::size_t value = start + key.size() + 1;
  return url.substr(value, url.find('&', value) - value);
}

// A standby of the cluster at cluster_url, running while the object lives.
class Standby {
 public:
  explicit Standby(const std::string& cluster_url, int max_connections) {
    folder_ = "/tmp/manmulsang-standby-" + std::to_string(getpid());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    // The server refuses to run as root: as root, the standby belongs to `postgres`, as the
    // tests' cluster does.
    if (getuid() == 0) {
      as_owner_ = "runuser -u postgres -- ";
      Run("chown postgres " + folder_ + " && chmod 700 " + folder_);
    }
    const std::string socket = UrlParameter(cluster_url, "host");
    ok_ = Run(as_owner_ + std::string(kBinaries) + "pg_basebackup -D " + folder_ + "/data -R -h " + socket +
              " -p 5432 -U manmulsang -c fast") &&
          Run(as_owner_ + std::string(kBinaries) + "pg_ctl -D " + folder_ + "/data -l " + folder_ +
              "/server.log -w -t 60 -o \"-c listen_addresses='' -c unix_socket_directories='" + folder_ +
              "' -c port=5432 -c max_connections=" + std::to_string(max_connections) + "\" start");
  }
  ~Standby() {
    Stop();
    std::filesystem::remove_all(folder_);
  }
  void Stop() {
    if (stopped_) return;
    Run(as_owner_ + std::string(kBinaries) + "pg_ctl -D " + folder_ + "/data -m immediate -w stop");
    stopped_ = true;
  }
  bool started() const { return ok_; }
  // database on this standby, with the primary's URL otherwise.
  std::string Url(const std::string& database_url) const {
    std::string url = database_url;
    const std::string primary_socket = UrlParameter(url, "host");
    url.replace(url.find(primary_socket), primary_socket.size(), folder_);
    return url;
  }

 private:
  static bool Run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

  std::string folder_;
  std::string as_owner_;
  bool ok_ = false;
  bool stopped_ = false;
};

bool ReadsInRecovery(Database& database) {
  return database.Read(
      [](Connection& connection) { return connection.QueryOne("SELECT pg_is_in_recovery()")->Int(0); });
}

TEST(ReadReplicas, ReadsGoToTheStandbyExceptForWhoJustWroteAndWhenItIsDown) {
  const auto cluster = testing::TestPostgresUrl();
  if (!cluster) GTEST_SKIP() << "PostgreSQL only: a replica is a PostgreSQL standby";
  testing::PostgresTestDatabase store(*cluster);
  std::int64_t max_connections = 0;
  {
    auto primary_only = Database::Open(store.url());
    primary_only->Write([](Connection& connection) {
      connection.ExecuteScript("CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL)");
    });
    max_connections = primary_only->Read([](Connection& connection) {
      return connection.QueryOne("SELECT current_setting('max_connections')::int")->Int(0);
    });
  }
  Standby standby(*cluster, static_cast<int>(max_connections));
  ASSERT_TRUE(standby.started()) << "pg_basebackup or pg_ctl failed";
  const std::string replica_urls[] = {standby.Url(store.url())};
  auto database = Database::Open(store.url(), replica_urls);

  EXPECT_TRUE(ReadsInRecovery(*database)) << "a read goes to the standby";
  {
    PrimaryReads primary;
    EXPECT_FALSE(ReadsInRecovery(*database)) << "who just wrote reads from the primary";
  }

  database->Write([](Connection& connection) { connection.Execute("INSERT INTO notes (text) VALUES ('written')"); });
  {
    PrimaryReads primary;
    EXPECT_EQ(database->Read(
                  [](Connection& connection) { return connection.QueryOne("SELECT count(*) FROM notes")->Int(0); }),
              1);
  }
  // The standby catches up on its own (streaming replication), a moment later.
  std::int64_t replicated = 0;
  for (int attempt = 0; attempt < 200 && replicated == 0; ++attempt) {
    replicated = database->Read(
        [](Connection& connection) { return connection.QueryOne("SELECT count(*) FROM notes")->Int(0); });
    if (replicated == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(replicated, 1);

  standby.Stop();
  EXPECT_FALSE(ReadsInRecovery(*database)) << "with the standby down, the primary answers";
  EXPECT_FALSE(ReadsInRecovery(*database));
}

TEST(ReadReplicas, ASqliteStoreHasNone) {
  const std::string replica_urls[] = {"postgresql://nobody@/none"};
  EXPECT_THROW(Database::Open("sqlite:/tmp/never-opened.db", replica_urls), DatabaseError);
}

}  // namespace
}  // namespace manmulsang::db
