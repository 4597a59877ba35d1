// `manmulsang backup DIR` and `manmulsang restore DIR`: the whole marketplace, the store and the
// photos, as one folder. The store is copied first (VACUUM INTO: consistent while serving), then
// the media files. Media files are content-addressed and only ever added, so a copy taken after
// the store's holds every photo the store names; a photo added in between is carried along
// harmlessly. Restore checks the store before it replaces anything, then adds the photos. On a
// PostgreSQL store both refuse and name the server's own tools (docs/DEPLOYMENT.md).

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "commands.hpp"
#include "marketplace.hpp"

namespace manmulsang::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStoreFile = "manmulsang.db";
constexpr const char* kMediaFolder = "media";

void Report(const std::string& message) { std::fprintf(stderr, "manmulsang: %s\n", message.c_str()); }

// Copies every file under from into to, keeping the folders, and skips a file that is already
// there (the same name is the same bytes). A hard link when both sit on one file system (the
// files never change once written, so sharing them is safe and instant), else a copy. Returns how
// many files were added.
std::int64_t AddMediaFiles(const fs::path& from, const fs::path& to) {
  std::int64_t added = 0;
  if (!fs::is_directory(from)) return added;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    const fs::path target = to / fs::relative(entry.path(), from);
    if (fs::exists(target)) continue;
    fs::create_directories(target.parent_path());
    // Written under a temporary name and renamed, so a file with the final name is always whole.
    const fs::path partial = target.string() + ".partial";
    std::error_code link_error;
    fs::create_hard_link(entry.path(), partial, link_error);
    if (link_error) fs::copy_file(entry.path(), partial, fs::copy_options::overwrite_existing);
    fs::rename(partial, target);
    ++added;
  }
  return added;
}

void RemoveWithJournal(const fs::path& database_file) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(database_file.string() + suffix);
}

}  // namespace

int BackupCommand(const Config& config, const std::string& folder) {
  // The copy below is SQLite's own (VACUUM INTO). A PostgreSQL store is the database server's to
  // copy, with its own tools, which this command must not pretend to replace: say so before
  // connecting to anything.
  const std::string url = config.DatabaseUrl();
  if (url.starts_with("postgresql:") || url.starts_with("postgres:")) {
    Report(
        "backup copies the SQLite store; back up a PostgreSQL store with pg_dump (a logical copy: "
        "pg_dump --format=custom) or pg_basebackup (a physical copy, with the WAL for point-in-time "
        "recovery), then copy the shared media folder (" +
        (fs::path(config.data_directory) / kMediaFolder).string() + ") after it — docs/DEPLOYMENT.md, Backups");
    return 2;
  }
  if (fs::exists(folder)) {
    Report(folder + " already exists; a backup never overwrites anything");
    return 1;
  }
  Marketplace marketplace(config);
  // Built beside its final name and renamed at the end: a folder named `folder` is a whole backup.
  const fs::path partial = folder + ".partial";
  fs::remove_all(partial);
  fs::create_directories(partial);
  marketplace.database().BackupTo((partial / kStoreFile).string());
  const std::int64_t photos = AddMediaFiles(fs::path(config.data_directory) / kMediaFolder, partial / kMediaFolder);
  fs::create_directories(partial / kMediaFolder);
  fs::rename(partial, folder);
  std::printf("backed up the store and %lld media files to %s\n", static_cast<long long>(photos), folder.c_str());
  return 0;
}

int RestoreCommand(const Config& config, const std::string& backup) {
  const std::string url = config.DatabaseUrl();
  if (!url.starts_with("sqlite:")) {
    Report("restore works on the SQLite store; restore PostgreSQL with pg_restore and copy media/ by hand");
    return 2;
  }
  // A folder from `backup`, or a single store file (what backups held before they carried photos).
  const bool whole = fs::is_directory(backup);
  const fs::path store_file = whole ? fs::path(backup) / kStoreFile : fs::path(backup);
  if (!fs::is_regular_file(store_file)) {
    Report("no such backup: " + backup);
    return 1;
  }
  const fs::path target = url.substr(std::string_view("sqlite:").size());
  fs::create_directories(target.parent_path().empty() ? "." : target.parent_path());
  // Work on a copy, so the backup itself is never opened for writing, and check that the copy is
  // a Manmulsang store before it replaces anything.
  const fs::path staging = target.string() + ".restoring";
  fs::copy_file(store_file, staging, fs::copy_options::overwrite_existing);
  try {
    db::Database::Open("sqlite:" + staging.string())->AppliedMigrationCount();
  } catch (const db::DatabaseError& error) {
    RemoveWithJournal(staging);
    Report(backup + " is not a Manmulsang backup: " + error.what());
    return 1;
  }
  // The photos first: the restored store may name any of them from its first request.
  const std::int64_t photos =
      whole ? AddMediaFiles(fs::path(backup) / kMediaFolder, fs::path(config.data_directory) / kMediaFolder) : 0;
  // The old write-ahead log belongs to the old file: drop it with the file, then move the copy
  // into place in one rename.
  fs::remove(staging.string() + "-wal");
  fs::remove(staging.string() + "-shm");
  fs::remove(target.string() + "-wal");
  fs::remove(target.string() + "-shm");
  fs::rename(staging, target);
  Marketplace marketplace(config);  // applies migrations newer than the backup
  std::printf("restored %s into %s (%lld media files added)\n", backup.c_str(), target.c_str(),
              static_cast<long long>(photos));
  return 0;
}

}  // namespace manmulsang::app
