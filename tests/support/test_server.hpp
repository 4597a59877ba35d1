#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "temp_directory.hpp"
#include "test_database.hpp"

namespace manmulsang::testing {

// The path of the real `manmulsang` binary (compile definition MANMULSANG_BINARY, overridable by
// the environment variable of the same name).
std::filesystem::path ServerBinary();

// When the tests run on PostgreSQL (TestPostgresUrl): the database of a data folder, a fresh one
// the first time a folder is named; nullopt on SQLite. The binary stores in it whenever it is given
// that folder (SpawnBinary), so a black-box test names the folder alone, on either store.
std::optional<std::string> PostgresUrlForDataFolder(const std::filesystem::path& data_directory);
// Drops the folder's database, if it has one (once no process uses it). Those left are dropped
// when the test process exits.
void DropPostgresForDataFolder(const std::filesystem::path& data_directory);

// Starts the binary with the arguments as a child process: stdin from /dev/null, stdout appended
// to stdout_file and stderr to stderr_file (interleaved when they are the same file), with
// SIGTERM, SIGINT and SIGPIPE at their defaults whatever the test process blocks. Throws on failure.
// On PostgreSQL, a command given `--data DIR` and no `--database` gets `--database` with DIR's
// database (PostgresUrlForDataFolder); media still go in DIR.
pid_t SpawnBinary(const std::vector<std::string>& arguments, const std::filesystem::path& stdout_file,
                  const std::filesystem::path& stderr_file);
// The same for any program (nginx, say), its arguments as given: no store is added.
pid_t SpawnProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                   const std::filesystem::path& stdout_file, const std::filesystem::path& stderr_file);
// The child's exit code (negative: the signal that ended it), or nullopt if it still runs after timeout.
std::optional<int> WaitForChild(pid_t pid, std::chrono::milliseconds timeout);

struct CommandResult {
  int exit_code = -1;  // negative: killed by that signal
  std::string output;  // stdout and stderr, interleaved
};

// Runs the binary with the arguments to completion; fails (throws) past the timeout.
CommandResult RunServerCommand(const std::vector<std::string>& arguments,
                               std::chrono::seconds timeout = std::chrono::seconds(300));

struct TestServerOptions {
  int demo_products = 0;  // > 0: `demo --products N --seed S` fills the data folder first
  int demo_seed = 1;
  std::vector<std::string> serve_arguments;  // extra, e.g. {"--request-timeout", "2"}
  std::chrono::seconds startup_timeout{60};
};

// The real server as a child process on 127.0.0.1 and a free port, over a fresh data folder.
// The destructor kills it if it is still running.
class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();

  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Spawns `serve`, reads the port from its "listening on" line, waits until /healthz answers 200.
  void Start();
  // SIGTERM, then waits for the exit; returns the exit code (negative: the signal that killed it).
  // Past the timeout it is killed with SIGKILL and the result is -SIGKILL.
  int Stop(std::chrono::seconds timeout = std::chrono::seconds(30));
  // SIGKILL, as a crash would.
  void Kill();
  // Sends a signal without waiting.
  void Signal(int signal_number);
  // Waits for the process to exit; nullopt if it is still running after the timeout.
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout);
  bool running() const { return pid_ > 0; }

  std::string host() const { return "127.0.0.1"; }
  std::uint16_t port() const { return port_; }
  std::string base_url() const;
  pid_t pid() const { return pid_; }
  const std::filesystem::path& data_directory() const { return data_directory_; }
  // The store the server runs on: its data folder's SQLite file, or its PostgreSQL database.
  std::string database_url() const;
  // What the server wrote to stdout and stderr so far (for failure messages).
  std::string Log() const;

 private:
  TestServerOptions options_;
  TempDirectory directory_;
  std::filesystem::path data_directory_;
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace manmulsang::testing
