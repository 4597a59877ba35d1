#include "manmulsang/db/database.hpp"

#include <algorithm>
#include <string>

#include "postgres/postgres_database.hpp"
#include "sqlite/sqlite_database.hpp"

namespace manmulsang::db {

namespace {
const std::string kEmptyText;
}  // namespace

bool Row::IsNull(std::size_t column) const { return std::holds_alternative<std::nullptr_t>(values_.at(column)); }

std::int64_t Row::Int(std::size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return static_cast<std::int64_t>(*real);
  if (const auto* text = std::get_if<std::string>(&value)) {
    try {
      return std::stoll(*text);
    } catch (const std::exception&) {
      throw DatabaseError("column " + std::to_string(column) + " is not an integer");
    }
  }
  return 0;
}

double Row::Real(std::size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&value)) {
    try {
      return std::stod(*text);
    } catch (const std::exception&) {
      throw DatabaseError("column " + std::to_string(column) + " is not a number");
    }
  }
  return 0;
}

const std::string& Row::Text(std::size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (std::holds_alternative<std::nullptr_t>(value)) return kEmptyText;
  throw DatabaseError("column " + std::to_string(column) + " is not text");
}

std::optional<std::int64_t> Row::OptionalInt(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<std::string> Row::OptionalText(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

namespace {
thread_local int primary_reads_depth = 0;
}  // namespace

PrimaryReads::PrimaryReads() { ++primary_reads_depth; }
PrimaryReads::~PrimaryReads() { --primary_reads_depth; }
bool PrimaryReads::Active() { return primary_reads_depth > 0; }

std::unique_ptr<Database> Database::Open(std::string_view url, std::span<const std::string> replica_urls) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (url.starts_with(kSqlitePrefix)) {
    if (!replica_urls.empty()) throw DatabaseError("read replicas need a PostgreSQL store");
    return std::make_unique<SqliteDatabase>(std::string(url.substr(kSqlitePrefix.size())));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    // The URL goes to libpq as it is: host, port, user, socket folder and options are its own.
    return std::make_unique<PostgresDatabase>(std::string(url),
                                              std::vector<std::string>(replica_urls.begin(), replica_urls.end()));
  }
  throw DatabaseError("unknown database URL (expected sqlite:PATH or postgresql://...): " + std::string(url));
}

namespace {
constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " module TEXT NOT NULL, name TEXT NOT NULL, applied_at BIGINT NOT NULL,"
    " PRIMARY KEY (module, name))";
constexpr std::string_view kSelectApplied = "SELECT name FROM schema_migrations WHERE module = $1";
constexpr std::string_view kCountApplied = "SELECT count(*) FROM schema_migrations";
constexpr std::string_view kTrivialQuery = "SELECT 1";
constexpr std::string_view kInsertApplied =
    "INSERT INTO schema_migrations (module, name, applied_at) VALUES ($1, $2, $3)";
}  // namespace

void Database::CheckHealth() {
  Read([](Connection& connection) { return connection.Query(kTrivialQuery); });
}

std::int64_t Database::AppliedMigrationCount() {
  return Read([](Connection& connection) { return connection.QueryOne(kCountApplied)->Int(0); });
}

std::shared_ptr<void> Database::HoldLock(std::int64_t key) {
  std::shared_ptr<std::mutex> mutex;
  {
    std::lock_guard lock(local_locks_mutex_);
    auto& slot = local_locks_[key];
    if (!slot) slot = std::make_shared<std::mutex>();
    mutex = slot;
  }
  mutex->lock();
  return std::shared_ptr<void>(nullptr, [mutex](void*) { mutex->unlock(); });
}

int Database::Migrate(std::span<const ModuleMigrations> modules) {
  const std::string_view folder = dialect() == Dialect::sqlite ? "sqlite/" : "postgres/";
  // Two nodes starting at once (or two `migrate` commands) take turns: the second finds every
  // file applied by the first. A check inside each transaction alone would not do on
  // PostgreSQL, whose transactions see the store as it was when they began.
  const auto migration_lock = HoldLock(kMigrationLock);
  Write([&](Connection& connection) { connection.ExecuteScript(kCreateMigrationsTable); });
  int applied_count = 0;
  for (const ModuleMigrations& module : modules) {
    std::vector<core::EmbeddedFile> files;
    for (const core::EmbeddedFile& file : module.files) {
      if (file.path.starts_with(folder)) files.push_back(file);
    }
    std::sort(files.begin(), files.end(),
              [](const core::EmbeddedFile& left, const core::EmbeddedFile& right) { return left.path < right.path; });
    for (const core::EmbeddedFile& file : files) {
      const std::string_view name = file.path.substr(folder.size());
      // Checked again inside the write transaction, so two processes migrating at once
      // apply each file once.
      applied_count += Write([&](Connection& connection) {
        for (const Row& row : connection.Query(kSelectApplied, {module.module})) {
          if (row.Text(0) == name) return 0;
        }
        connection.ExecuteScript(file.content);
        const auto now =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        connection.Execute(kInsertApplied, {module.module, name, static_cast<std::int64_t>(now)});
        return 1;
      });
    }
  }
  return applied_count;
}

}  // namespace manmulsang::db
