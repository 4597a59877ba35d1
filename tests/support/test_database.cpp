#include "test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>

namespace manmulsang::testing {
namespace {

// The url with its database name (the path) replaced by name: the cluster's URL names the
// maintenance database `postgres`, a test's URL names the test's own.
std::string WithDatabaseName(const std::string& url, const std::string& name) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t authority = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  const std::size_t path = url.find_first_of("/?", authority);
  if (path == std::string::npos) return url + "/" + name;
  if (url[path] == '?') return url.substr(0, path) + "/" + name + url.substr(path);
  const std::size_t query = url.find('?', path);
  return url.substr(0, path + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// The migration set's fingerprint (FNV-1a over module names, paths and contents): it names the
// set's template database and the advisory lock its builders take, in every test process alike.
std::uint64_t Fingerprint(std::span<const db::Database::ModuleMigrations> migrations) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto add = [&](std::string_view text) {
    for (const char character : text) {
      hash ^= static_cast<unsigned char>(character);
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;  // a separator no text holds, so ("ab", "c") and ("a", "bc") differ
    hash *= 1099511628211ull;
  };
  for (const db::Database::ModuleMigrations& module : migrations) {
    add(module.module);
    for (const core::EmbeddedFile& file : module.files) {
      add(file.path);
      add(file.content);
    }
  }
  return hash;
}

// CREATE and DROP DATABASE cannot run inside a transaction, which is all the store's driver
// offers: the test support speaks to the cluster's maintenance database through libpq itself,
// over one connection per test process.
class ClusterConnection {
 public:
  static ClusterConnection& Instance() {
    // Never destroyed: a store may be dropped from another static object's destructor.
    static ClusterConnection* instance = new ClusterConnection;
    return *instance;
  }

  std::unique_lock<std::mutex> Lock() { return std::unique_lock(mutex_); }

  // Runs one statement; throws DatabaseError naming it when the cluster refuses. Under Lock().
  void Execute(const std::string& cluster_url, const std::string& sql) {
    PGresult* result = PQexec(Connect(cluster_url), sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    const std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw db::DatabaseError("test PostgreSQL: " + sql + ": " + error);
    }
  }

  bool DatabaseExists(const std::string& cluster_url, const std::string& name) {
    const char* values[] = {name.c_str()};
    PGresult* result = PQexecParams(Connect(cluster_url), "SELECT 1 FROM pg_database WHERE datname = $1", 1, nullptr,
                                    values, nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    const std::string error = PQresultErrorMessage(result);
    const bool exists = status == PGRES_TUPLES_OK && PQntuples(result) > 0;
    PQclear(result);
    if (status != PGRES_TUPLES_OK) throw db::DatabaseError("test PostgreSQL: looking up " + name + ": " + error);
    return exists;
  }

 private:
  PGconn* Connect(const std::string& cluster_url) {
    if (connection_ != nullptr && url_ == cluster_url && PQstatus(connection_) == CONNECTION_OK) return connection_;
    if (connection_ != nullptr) PQfinish(connection_);
    url_ = cluster_url;
    connection_ = PQconnectdb(cluster_url.c_str());
    if (PQstatus(connection_) != CONNECTION_OK) {
      const std::string error = PQerrorMessage(connection_);
      PQfinish(connection_);
      connection_ = nullptr;
      throw db::DatabaseError("test PostgreSQL: cannot connect to " + cluster_url + " (is the `postgres` CTest " +
                              "fixture running? scripts/test-postgres start DIR): " + error);
    }
    return connection_;
  }

  std::mutex mutex_;
  PGconn* connection_ = nullptr;
  std::string url_;
};

std::string Hex(std::uint64_t value, int digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(static_cast<std::size_t>(digits), '0');
  for (int position = digits - 1; position >= 0; --position, value >>= 4) text[position] = kDigits[value & 0xf];
  return text;
}

std::string UniqueDatabaseName() {
  static std::atomic<int> counter{0};
  static const std::uint32_t random = std::random_device{}();
  return "manmulsang_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" + Hex(random, 8);
}

// The template of the migration set, migrated once in the cluster: built under a new name and
// renamed when complete, so a test process that died half-way leaves no half-migrated template.
// The advisory lock keeps two test processes from building the same one.
std::string MigratedTemplate(ClusterConnection& cluster, const std::string& cluster_url,
                             std::span<const db::Database::ModuleMigrations> migrations) {
  const std::uint64_t fingerprint = Fingerprint(migrations);
  const std::string name = "manmulsang_template_" + Hex(fingerprint, 16);
  if (cluster.DatabaseExists(cluster_url, name)) return name;

  const auto key = static_cast<std::int64_t>(fingerprint);
  cluster.Execute(cluster_url, "SELECT pg_advisory_lock(" + std::to_string(key) + ")");
  try {
    if (!cluster.DatabaseExists(cluster_url, name)) {
      const std::string building = name + "_building";
      cluster.Execute(cluster_url, "DROP DATABASE IF EXISTS \"" + building + "\" WITH (FORCE)");
      cluster.Execute(cluster_url, "CREATE DATABASE \"" + building + "\"");
      db::Database::Open(WithDatabaseName(cluster_url, building))->Migrate(migrations);
      cluster.Execute(cluster_url, "ALTER DATABASE \"" + building + "\" RENAME TO \"" + name + "\"");
    }
  } catch (...) {
    cluster.Execute(cluster_url, "SELECT pg_advisory_unlock(" + std::to_string(key) + ")");
    throw;
  }
  cluster.Execute(cluster_url, "SELECT pg_advisory_unlock(" + std::to_string(key) + ")");
  return name;
}

constexpr std::string_view kDropCheckConstraints = R"sql(
DO $$
DECLARE constraint_row record;
BEGIN
  FOR constraint_row IN
    SELECT conrelid::regclass AS table_name, conname FROM pg_constraint
    WHERE contype = 'c' AND connamespace = 'public'::regnamespace
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', constraint_row.table_name, constraint_row.conname);
  END LOOP;
END
$$)sql";

}  // namespace

std::optional<std::string> TestPostgresUrl() {
  const char* url = std::getenv("MANMULSANG_TEST_POSTGRES");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

PostgresTestDatabase::PostgresTestDatabase(const std::string& cluster_url,
                                           std::span<const db::Database::ModuleMigrations> migrations)
    : cluster_url_(cluster_url), name_(UniqueDatabaseName()), url_(WithDatabaseName(cluster_url, name_)) {
  ClusterConnection& cluster = ClusterConnection::Instance();
  std::unique_lock lock = cluster.Lock();
  if (migrations.empty()) {
    cluster.Execute(cluster_url_, "CREATE DATABASE \"" + name_ + "\"");
  } else {
    const std::string from = MigratedTemplate(cluster, cluster_url_, migrations);
    // FILE_COPY: for a small database, copying the files beats writing them all to the WAL.
    cluster.Execute(cluster_url_, "CREATE DATABASE \"" + name_ + "\" TEMPLATE \"" + from + "\" STRATEGY FILE_COPY");
  }
}

PostgresTestDatabase::~PostgresTestDatabase() {
  try {
    ClusterConnection& cluster = ClusterConnection::Instance();
    std::unique_lock lock = cluster.Lock();
    cluster.Execute(cluster_url_, "DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
  } catch (const std::exception& error) {
    // A database left behind goes with the cluster when the test run stops it.
    std::fprintf(stderr, "%s\n", error.what());
  }
}

void WritePastChecks(db::Database& database, std::string_view sql, std::initializer_list<db::Parameter> parameters) {
  database.Write([&](db::Connection& connection) {
    if (connection.dialect() == db::Dialect::postgres) {
      connection.ExecuteScript(kDropCheckConstraints);
      connection.Execute(sql, parameters);
      return;
    }
    connection.Execute("PRAGMA ignore_check_constraints = ON");
    try {
      connection.Execute(sql, parameters);
    } catch (...) {
      connection.Execute("PRAGMA ignore_check_constraints = OFF");
      throw;
    }
    connection.Execute("PRAGMA ignore_check_constraints = OFF");
  });
}

TestDatabase::TestDatabase() : TestDatabase({}, false) {}

TestDatabase::TestDatabase(std::span<const db::Database::ModuleMigrations> migrations)
    : TestDatabase(migrations, true) {}

TestDatabase::TestDatabase(std::span<const db::Database::ModuleMigrations> migrations, bool migrate)
    : directory_("manmulsang-db") {
  if (const std::optional<std::string> cluster_url = TestPostgresUrl()) {
    // Created from the migration set's template: already migrated.
    postgres_ = std::make_unique<PostgresTestDatabase>(*cluster_url, migrations);
    url_ = postgres_->url();
    database_ = db::Database::Open(url_);
    return;
  }
  file_ = directory_ / "test.db";
  url_ = "sqlite:" + file_.string();
  database_ = db::Database::Open(url_);
  if (migrate) database_->Migrate(migrations);
}

// The store closes before its database is dropped.
TestDatabase::~TestDatabase() { database_.reset(); }

void TestDatabase::Reopen() {
  database_.reset();
  database_ = db::Database::Open(url_);
}

}  // namespace manmulsang::testing
