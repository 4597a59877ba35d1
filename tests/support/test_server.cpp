#include "test_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "http_client.hpp"
#include "test_database.hpp"

extern char** environ;

namespace manmulsang::testing {
namespace {

using Clock = std::chrono::steady_clock;

int DecodeWaitStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

std::string ReadFile(const std::filesystem::path& file) {
  std::ifstream input(file, std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

// Each data folder's PostgreSQL database, by the folder's path.
class DataFolderDatabases {
 public:
  static DataFolderDatabases& Instance() {
    // Never destroyed: a TestServer held by a static object drops its database after main. What
    // is left is dropped at exit, before the static objects registered earlier go.
    static DataFolderDatabases* instance = [] {
      auto* databases = new DataFolderDatabases;
      std::atexit([] { Instance().DropAll(); });
      return databases;
    }();
    return *instance;
  }

  std::string UrlFor(const std::string& cluster_url, const std::filesystem::path& data_directory) {
    std::lock_guard lock(mutex_);
    std::unique_ptr<PostgresTestDatabase>& database = databases_[Key(data_directory)];
    if (!database) database = std::make_unique<PostgresTestDatabase>(cluster_url);
    return database->url();
  }

  void Drop(const std::filesystem::path& data_directory) {
    std::unique_ptr<PostgresTestDatabase> database;
    {
      std::lock_guard lock(mutex_);
      const auto found = databases_.find(Key(data_directory));
      if (found == databases_.end()) return;
      database = std::move(found->second);
      databases_.erase(found);
    }
  }

  void DropAll() {
    std::map<std::string, std::unique_ptr<PostgresTestDatabase>> databases;
    {
      std::lock_guard lock(mutex_);
      databases.swap(databases_);
    }
  }

 private:
  static std::string Key(const std::filesystem::path& data_directory) {
    return std::filesystem::absolute(data_directory).lexically_normal().string();
  }

  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<PostgresTestDatabase>> databases_;
};

// The arguments with `--database` added after `--data DIR` when the tests run on PostgreSQL and
// the command names no store of its own.
std::vector<std::string> WithTestStore(std::vector<std::string> arguments) {
  const std::optional<std::string> cluster_url = TestPostgresUrl();
  if (!cluster_url) return arguments;
  for (const std::string& argument : arguments) {
    if (argument == "--database" || argument.starts_with("--database=")) return arguments;
  }
  for (std::size_t index = 0; index + 1 < arguments.size(); ++index) {
    if (arguments[index] != "--data") continue;
    const std::string url = DataFolderDatabases::Instance().UrlFor(*cluster_url, arguments[index + 1]);
    arguments.insert(arguments.begin() + static_cast<std::ptrdiff_t>(index) + 2, {"--database", url});
    break;
  }
  return arguments;
}

}  // namespace

std::optional<std::string> PostgresUrlForDataFolder(const std::filesystem::path& data_directory) {
  const std::optional<std::string> cluster_url = TestPostgresUrl();
  if (!cluster_url) return std::nullopt;
  return DataFolderDatabases::Instance().UrlFor(*cluster_url, data_directory);
}

void DropPostgresForDataFolder(const std::filesystem::path& data_directory) {
  if (TestPostgresUrl()) DataFolderDatabases::Instance().Drop(data_directory);
}

pid_t SpawnBinary(const std::vector<std::string>& arguments, const std::filesystem::path& stdout_file,
                  const std::filesystem::path& stderr_file) {
  return SpawnProcess(ServerBinary(), WithTestStore(arguments), stdout_file, stderr_file);
}

pid_t SpawnProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                   const std::filesystem::path& stdout_file, const std::filesystem::path& stderr_file) {
  std::vector<std::string> argv_strings;
  argv_strings.push_back(program.string());
  argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& argument : argv_strings) argv.push_back(argument.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (stderr_file == stdout_file) {
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  }
  // The child must not inherit a blocked SIGTERM or an ignored SIGPIPE from the test process: the
  // server and nginx's master must get the signals the tests send.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t empty_set;
  sigemptyset(&empty_set);
  sigset_t default_set;
  sigemptyset(&default_set);
  for (const int signal_number : {SIGPIPE, SIGTERM, SIGINT, SIGQUIT, SIGHUP}) sigaddset(&default_set, signal_number);
  posix_spawnattr_setsigmask(&attributes, &empty_set);
  posix_spawnattr_setsigdefault(&attributes, &default_set);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv_strings.front().c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) throw std::system_error(error, std::generic_category(), "posix_spawn " + argv_strings.front());
  return pid;
}

std::optional<int> WaitForChild(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    int status = 0;
    pid_t result = ::waitpid(pid, &status, WNOHANG);
    if (result == pid) return DecodeWaitStatus(status);
    if (result < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "waitpid");
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::filesystem::path ServerBinary() {
  const char* from_environment = std::getenv("MANMULSANG_BINARY");
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
#ifdef MANMULSANG_BINARY
  return MANMULSANG_BINARY;
#else
  throw std::runtime_error("MANMULSANG_BINARY is not set");
#endif
}

CommandResult RunServerCommand(const std::vector<std::string>& arguments, std::chrono::seconds timeout) {
  TempDirectory scratch("manmulsang-command");
  std::filesystem::path log_file = scratch / "output.log";
  pid_t pid = SpawnBinary(arguments, log_file, log_file);
  std::optional<int> exit_code = WaitForChild(pid, timeout);
  if (!exit_code) {
    ::kill(pid, SIGKILL);
    WaitForChild(pid, std::chrono::seconds(10));
    throw std::runtime_error("command timed out: " + ReadFile(log_file));
  }
  return CommandResult{*exit_code, ReadFile(log_file)};
}

TestServer::TestServer(TestServerOptions options)
    : options_(std::move(options)),
      directory_("manmulsang-server"),
      data_directory_(directory_ / "data"),
      log_file_(directory_ / "server.log") {
  std::filesystem::create_directories(data_directory_);
}

TestServer::~TestServer() {
  if (pid_ > 0) Kill();
  DropPostgresForDataFolder(data_directory_);
}

std::string TestServer::database_url() const {
  if (std::optional<std::string> url = PostgresUrlForDataFolder(data_directory_)) return *url;
  return "sqlite:" + (data_directory_ / "manmulsang.db").string();
}

std::string TestServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string TestServer::Log() const { return ReadFile(log_file_); }

void TestServer::Start() {
  if (pid_ > 0) throw std::logic_error("TestServer already started");
  if (options_.demo_products > 0) {
    CommandResult demo = RunServerCommand({"demo", "--products", std::to_string(options_.demo_products), "--seed",
                                           std::to_string(options_.demo_seed), "--data", data_directory_.string()});
    if (demo.exit_code != 0) {
      throw std::runtime_error("demo failed with " + std::to_string(demo.exit_code) + ":\n" + demo.output);
    }
  }

  std::vector<std::string> arguments = {"serve", "--listen", "127.0.0.1:0", "--data", data_directory_.string()};
  arguments.insert(arguments.end(), options_.serve_arguments.begin(), options_.serve_arguments.end());
  // A fresh log per start, so the port line found is this run's.
  std::filesystem::remove(log_file_);
  pid_ = SpawnBinary(arguments, log_file_, log_file_);

  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
  const auto deadline = Clock::now() + options_.startup_timeout;
  while (port_ == 0) {
    std::smatch match;
    std::string log = Log();
    if (std::regex_search(log, match, kListening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(match[1].str()));
      break;
    }
    if (std::optional<int> exit_code = WaitForChild(pid_, std::chrono::milliseconds(0))) {
      pid_ = -1;
      throw std::runtime_error("server exited with " + std::to_string(*exit_code) + " before listening:\n" + log);
    }
    if (Clock::now() >= deadline) {
      Kill();
      throw std::runtime_error("server did not print its port in time:\n" + log);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  HttpClient client(host(), port_);
  while (true) {
    try {
      if (client.Get("/healthz").status == 200) return;
    } catch (const std::exception&) {
      // Not accepting yet.
    }
    if (Clock::now() >= deadline) {
      std::string log = Log();
      Kill();
      throw std::runtime_error("/healthz did not answer 200 in time:\n" + log);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void TestServer::Signal(int signal_number) {
  if (pid_ > 0) ::kill(pid_, signal_number);
}

std::optional<int> TestServer::WaitForExit(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) throw std::logic_error("TestServer is not running");
  std::optional<int> exit_code = WaitForChild(pid_, timeout);
  if (exit_code) pid_ = -1;
  return exit_code;
}

int TestServer::Stop(std::chrono::seconds timeout) {
  if (pid_ <= 0) throw std::logic_error("TestServer is not running");
  ::kill(pid_, SIGTERM);
  if (std::optional<int> exit_code = WaitForExit(timeout)) return *exit_code;
  Kill();
  return -SIGKILL;
}

void TestServer::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  WaitForChild(pid_, std::chrono::seconds(10));
  pid_ = -1;
}

}  // namespace manmulsang::testing
