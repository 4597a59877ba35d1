// The command line, run as the real binary: admin create-user, migrate, demo, backup/restore and
// serve's own errors. Each scenario has its own data folders; what the commands did is checked
// through a server on those folders.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <system_error>
#include <thread>

#include "blackbox.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string ReadWholeFile(const fs::path& file) {
  std::ifstream input(file, std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

void WriteWholeFile(const fs::path& file, std::string_view content) {
  std::ofstream output(file, std::ios::binary | std::ios::trunc);
  output << content;
  if (!output) throw std::runtime_error("cannot write " + file.string());
}

// The binary as a child process with stdout and stderr kept apart, so that a test can tell a
// report from an error message.
class Command {
 public:
  explicit Command(const std::vector<std::string>& arguments)
      : pid_(SpawnBinary(arguments, stdout_file(), stderr_file())) {}

  ~Command() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      Wait(10s);
    }
  }

  Command(const Command&) = delete;
  Command& operator=(const Command&) = delete;

  // The exit code (negative: the signal that ended it), or nullopt while it still runs.
  std::optional<int> Wait(std::chrono::milliseconds timeout) {
    if (pid_ > 0) {
      const std::optional<int> exit_code = WaitForChild(pid_, timeout);
      if (!exit_code) return std::nullopt;
      pid_ = -1;
      exit_code_ = *exit_code;
    }
    return exit_code_;
  }

  void Signal(int signal_number) {
    if (pid_ > 0) ::kill(pid_, signal_number);
  }

  std::string Stdout() const { return ReadWholeFile(stdout_file()); }
  std::string Stderr() const { return ReadWholeFile(stderr_file()); }

 private:
  fs::path stdout_file() const { return directory_ / "stdout"; }
  fs::path stderr_file() const { return directory_ / "stderr"; }

  TempDirectory directory_{"manmulsang-cli"};
  pid_t pid_ = -1;
  int exit_code_ = -1;
};

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::ostream& operator<<(std::ostream& stream, const Outcome& outcome) {
  return stream << "exit " << outcome.exit_code << "\nstdout: " << outcome.out << "\nstderr: " << outcome.err;
}

// Runs a command to its end.
Outcome RunCommand(const std::vector<std::string>& arguments) {
  Command command(arguments);
  const std::optional<int> exit_code = command.Wait(120s);
  if (!exit_code) throw std::runtime_error("command did not finish: " + command.Stderr());
  return Outcome{*exit_code, command.Stdout(), command.Stderr()};
}

// A failure reported the way the brief of every command says: non-zero exit, the message on
// stderr with the program's name, nothing that looks like success on stdout.
::testing::AssertionResult FailedSaying(const Outcome& outcome, std::string_view words) {
  if (outcome.exit_code == 0) return ::testing::AssertionFailure() << "it succeeded: " << outcome;
  if (outcome.exit_code < 0) return ::testing::AssertionFailure() << "it crashed: " << outcome;
  if (outcome.err.find(words) == std::string::npos) {
    return ::testing::AssertionFailure() << "stderr does not say \"" << words << "\": " << outcome;
  }
  if (!outcome.out.empty()) return ::testing::AssertionFailure() << "a failure printed a report: " << outcome;
  return ::testing::AssertionSuccess();
}

std::vector<std::string> With(std::vector<std::string> arguments, const fs::path& data) {
  arguments.push_back("--data");
  arguments.push_back(data.string());
  return arguments;
}

constexpr const char* kAdminEmail = "admin@example.com";
constexpr const char* kAdminPassword = "Doenjang-Jjigae-77";

Outcome CreateUser(const fs::path& data, const std::string& email, const fs::path& password_file,
                   const std::string& role) {
  return RunCommand(With(
      {"admin", "create-user", "--email", email, "--password-file", password_file.string(), "--role", role}, data));
}

// Logs in through the API; the status, and the token on success.
std::pair<int, std::string> Login(const TestServer& server, const std::string& email, const std::string& password) {
  HttpClient client(server.host(), server.port());
  HttpResponse response = client.PostJson("/api/v1/auth/login", {{"email", email}, {"password", password}});
  if (response.status != 200) return {response.status, {}};
  return {200, std::string(response.Json().at("token").as_string())};
}

// /api/v1/me's role for a token.
std::string RoleOf(const TestServer& server, const std::string& token) {
  HttpClient client(server.host(), server.port());
  client.set_bearer_token(token);
  HttpResponse response = client.Get("/api/v1/me");
  if (response.status != 200) return "(/me answered " + std::to_string(response.status) + ")";
  const boost::json::value json = response.Json();
  const boost::json::value& user = json.as_object().contains("user") ? json.at("user") : json;
  return std::string(user.at("role").as_string());
}

std::int64_t Stat(const TestServer& server, const char* key) {
  HttpClient client(server.host(), server.port());
  HttpResponse response = client.Get("/api/v1/stats");
  if (response.status != 200) throw std::runtime_error("/api/v1/stats: " + response.body);
  return response.Json().at(key).to_number<std::int64_t>();
}

// Every listed product (at most 100, which these small stores stay under): id → the product as JSON.
std::map<std::int64_t, std::string> Products(const TestServer& server) {
  HttpClient client(server.host(), server.port());
  HttpResponse response = client.Get("/api/v1/products?per_page=100");
  if (response.status != 200) throw std::runtime_error("/api/v1/products: " + response.body);
  const boost::json::value json = response.Json();
  std::map<std::int64_t, std::string> products;
  for (const boost::json::value& item : json.at("items").as_array()) {
    products[item.at("id").to_number<std::int64_t>()] = boost::json::serialize(item);
  }
  if (json.at("total").to_number<std::int64_t>() != static_cast<std::int64_t>(products.size())) {
    throw std::runtime_error("total and items disagree: " + response.body.substr(0, 300));
  }
  return products;
}

void Demo(const fs::path& data, int products) {
  const Outcome demo = RunCommand(With({"demo", "--products", std::to_string(products), "--seed", "3"}, data));
  ASSERT_EQ(demo.exit_code, 0) << demo;
}

std::uint16_t FreeLoopbackPort() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(socket_fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

TEST(CliTest, CreateUserMakesAnAdminWhoLogsInThroughTheApi) {
  TestServer server;
  TempDirectory files("manmulsang-cli-files");
  // Written the way `echo password > file` writes it: the newline is not part of the password.
  WriteWholeFile(files / "admin.password", std::string(kAdminPassword) + "\n");
  const Outcome created = CreateUser(server.data_directory(), kAdminEmail, files / "admin.password", "admin");
  ASSERT_EQ(created.exit_code, 0) << created;
  EXPECT_NE(created.out.find(kAdminEmail), std::string::npos) << created;
  EXPECT_NE(created.out.find("admin"), std::string::npos) << created;

  server.Start();
  auto [status, token] = Login(server, kAdminEmail, kAdminPassword);
  ASSERT_EQ(status, 200) << "the admin made on the command line cannot log in:\n" << server.Log();
  EXPECT_EQ(RoleOf(server, token), "admin");
  EXPECT_EQ(Login(server, kAdminEmail, "Wrong-Password-123").first, 401);

  // While the server serves, from a Windows editor (CRLF), with the default name.
  WriteWholeFile(files / "seller.password", "Bibimbap-Sells-Well\r\n");
  const Outcome seller = CreateUser(server.data_directory(), "seller@example.com", files / "seller.password", "seller");
  ASSERT_EQ(seller.exit_code, 0) << seller;
  auto [seller_status, seller_token] = Login(server, "seller@example.com", "Bibimbap-Sells-Well");
  ASSERT_EQ(seller_status, 200);
  EXPECT_EQ(RoleOf(server, seller_token), "seller");
  EXPECT_EQ(Stat(server, "members"), 2);
  EXPECT_EQ(server.Stop(), 0) << server.Log();
}

TEST(CliTest, CreateUserRejectsBadInputAndCreatesNothing) {
  TestServer server;
  const fs::path data = server.data_directory();
  TempDirectory files("manmulsang-cli-files");
  WriteWholeFile(files / "good.password", std::string(kAdminPassword) + "\n");
  WriteWholeFile(files / "short.password", "short12\n");
  WriteWholeFile(files / "empty.password", "");
  WriteWholeFile(files / "other.password", "Another-Good-Password-9\n");

  EXPECT_TRUE(
      FailedSaying(CreateUser(data, "short@example.com", files / "short.password", "admin"), "at least 10 characters"));
  EXPECT_TRUE(
      FailedSaying(CreateUser(data, "empty@example.com", files / "empty.password", "admin"), "at least 10 characters"));
  EXPECT_TRUE(FailedSaying(CreateUser(data, "not-an-email", files / "good.password", "admin"), "e-mail"));
  EXPECT_TRUE(FailedSaying(CreateUser(data, "owner@example.com", files / "good.password", "owner"), "--role"));
  EXPECT_TRUE(
      FailedSaying(CreateUser(data, "missing@example.com", files / "no-such.password", "admin"), "no-such.password"));

  ASSERT_EQ(CreateUser(data, "first@example.com", files / "good.password", "buyer").exit_code, 0);
  EXPECT_TRUE(FailedSaying(CreateUser(data, "first@example.com", files / "other.password", "admin"), "already exists"));
  EXPECT_TRUE(FailedSaying(CreateUser(data, "FIRST@Example.com", files / "other.password", "admin"), "already exists"));

  server.Start();
  EXPECT_EQ(Stat(server, "members"), 1) << "a refused create-user left a member behind";
  for (const auto& [email, password] :
       std::vector<std::pair<std::string, std::string>>{{"short@example.com", "short12"},
                                                        {"owner@example.com", kAdminPassword},
                                                        {"missing@example.com", kAdminPassword},
                                                        {"first@example.com", "Another-Good-Password-9"}}) {
    EXPECT_EQ(Login(server, email, password).first, 401) << email;
  }
  // The duplicate changed nothing: the first member keeps its password and its role.
  auto [status, token] = Login(server, "first@example.com", kAdminPassword);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(RoleOf(server, token), "buyer");
}

TEST(CliTest, MigrateAppliesOnceThenReportsNothingToDo) {
  TempDirectory directory("manmulsang-cli-migrate");
  const fs::path data = directory / "new-folder";  // not there yet: migrate makes it
  const Outcome first = RunCommand(With({"migrate"}, data));
  ASSERT_EQ(first.exit_code, 0) << first;
  static const std::regex kApplied(R"(applied (\d+) migrations)");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(first.out, match, kApplied)) << first;
  EXPECT_GT(std::stoi(match[1].str()), 0) << first;
  if (!TestDatabase::OnPostgres()) EXPECT_TRUE(fs::is_regular_file(data / "manmulsang.db"));

  const Outcome second = RunCommand(With({"migrate"}, data));
  ASSERT_EQ(second.exit_code, 0) << second;
  ASSERT_TRUE(std::regex_search(second.out, match, kApplied)) << second;
  EXPECT_EQ(match[1].str(), "0") << second;
}

TEST(CliTest, DemoFillsOnlyAnEmptyStore) {
  TestServer server;
  const fs::path data = server.data_directory();
  const Outcome demo = RunCommand(With({"demo", "--products", "50", "--seed", "3"}, data));
  ASSERT_EQ(demo.exit_code, 0) << demo;
  EXPECT_NE(demo.out.find("50 products"), std::string::npos) << demo;

  EXPECT_TRUE(FailedSaying(RunCommand(With({"demo", "--products", "5"}, data)), "already has products"));
  const Outcome if_empty = RunCommand(With({"demo", "--products", "5", "--if-empty"}, data));
  EXPECT_EQ(if_empty.exit_code, 0) << if_empty;

  server.Start();
  EXPECT_EQ(Products(server).size(), 50u);
  EXPECT_EQ(Stat(server, "products"), 50);

  // The demo printed an admin login, once, that opens the admin API.
  static const std::regex kAdminLogin("admin login \\(shown only now; keep it\\): (\\S+)  password: (\\S+)");
  std::smatch login;
  ASSERT_TRUE(std::regex_search(demo.out, login, kAdminLogin)) << demo;
  EXPECT_EQ(if_empty.out.find("password"), std::string::npos) << if_empty;
  auto [status, token] = Login(server, login[1].str(), login[2].str());
  ASSERT_EQ(status, 200) << server.Log();
  EXPECT_EQ(RoleOf(server, token), "admin");
  HttpClient admin(server.host(), server.port());
  admin.set_bearer_token(token);
  EXPECT_EQ(admin.Get("/api/v1/admin/audit").status, 200);
}

TEST(CliTest, DemoIfEmptyFillsAnEmptyStore) {
  TestServer server;
  const Outcome demo = RunCommand(With({"demo", "--products", "7", "--if-empty"}, server.data_directory()));
  ASSERT_EQ(demo.exit_code, 0) << demo;
  server.Start();
  EXPECT_EQ(Products(server).size(), 7u);
}

// A member who applied for a shop uploads its logo through the API: a photo in the store's media
// folder that the store names. Returns the logo's URL ("/media/...").
std::string UploadShopLogo(const TestServer& server) {
  HttpClient client(server.host(), server.port());
  HttpResponse registered = client.PostJson(
      "/api/v1/auth/register",
      {{"email", "logo-owner@example.com"}, {"password", "Photo-Owner-Password-1"}, {"name", "사진 주인"}});
  if (registered.status != 201) throw std::runtime_error("register: " + registered.body);
  client.set_bearer_token(std::string(registered.Json().at("token").as_string()));
  HttpResponse applied = client.PostJson(
      "/api/v1/seller/apply",
      {{"shop_name", "사진 상점"}, {"description", "로고가 있는 상점"}, {"phone", "02-123-4567"}, {"city", "평양"}});
  if (applied.status != 201) throw std::runtime_error("apply: " + applied.body);
  HttpResponse uploaded =
      client.Send("POST", "/api/v1/seller/shop/logo", ImageBody("image", kOnePixelPng), MultipartType());
  if (uploaded.status != 200) throw std::runtime_error("logo: " + uploaded.body);
  return std::string(uploaded.Json().at("seller").at("logo_url").as_string());
}

TEST(CliTest, BackupWhileServingThenRestoreIntoAFreshFolder) {
  if (TestDatabase::OnPostgres()) GTEST_SKIP() << "SQLite only: backup and restore copy the store's file";
  TestServer source;
  ASSERT_NO_FATAL_FAILURE(Demo(source.data_directory(), 30));
  TempDirectory files("manmulsang-cli-files");
  WriteWholeFile(files / "admin.password", kAdminPassword);
  ASSERT_EQ(CreateUser(source.data_directory(), kAdminEmail, files / "admin.password", "admin").exit_code, 0);
  source.Start();
  const std::map<std::int64_t, std::string> products = Products(source);
  const std::int64_t members = Stat(source, "members");
  ASSERT_EQ(products.size(), 30u);
  const std::string logo_url = UploadShopLogo(source);
  HttpResponse logo = HttpClient(source.host(), source.port()).Get(logo_url);
  ASSERT_EQ(logo.status, 200) << logo_url;

  // The backup is one folder with the store and the photos.
  const fs::path backup_folder = files / "market.backup";
  const Outcome backup = RunCommand(With({"backup", backup_folder.string()}, source.data_directory()));
  ASSERT_EQ(backup.exit_code, 0) << backup;
  ASSERT_TRUE(fs::is_directory(backup_folder));
  ASSERT_TRUE(fs::is_regular_file(backup_folder / "manmulsang.db"));
  EXPECT_GT(fs::file_size(backup_folder / "manmulsang.db"), 4096u);
  const std::string logo_name = logo_url.substr(logo_url.rfind('/') + 1);
  bool photo_in_backup = false;
  for (const auto& entry : fs::recursive_directory_iterator(backup_folder / "media")) {
    if (entry.path().filename() == logo_name) photo_in_backup = ReadWholeFile(entry.path()) == logo.body;
  }
  EXPECT_TRUE(photo_in_backup) << logo_name << " is not in the backup's media folder";
  EXPECT_FALSE(fs::exists(files / "market.backup.partial"));
  const std::string backup_bytes = ReadWholeFile(backup_folder / "manmulsang.db");
  EXPECT_TRUE(
      FailedSaying(RunCommand(With({"backup", backup_folder.string()}, source.data_directory())), "already exists"));
  EXPECT_EQ(ReadWholeFile(backup_folder / "manmulsang.db"), backup_bytes) << "a second backup overwrote the first";
  // Changes after the backup must not reach the restored store.
  WriteWholeFile(files / "late.password", "Written-After-Backup-1");
  ASSERT_EQ(CreateUser(source.data_directory(), "late@example.com", files / "late.password", "buyer").exit_code, 0);
  EXPECT_EQ(source.Stop(), 0) << source.Log();

  TestServer restored;
  const Outcome restore = RunCommand(With({"restore", backup_folder.string()}, restored.data_directory()));
  ASSERT_EQ(restore.exit_code, 0) << restore;
  EXPECT_EQ(ReadWholeFile(backup_folder / "manmulsang.db"), backup_bytes) << "restore wrote to the backup it read";
  restored.Start();
  EXPECT_EQ(Products(restored), products);
  EXPECT_EQ(Stat(restored, "members"), members + 1);  // the logo's owner joined before the backup
  auto [status, token] = Login(restored, kAdminEmail, kAdminPassword);
  ASSERT_EQ(status, 200) << restored.Log();
  EXPECT_EQ(RoleOf(restored, token), "admin");
  EXPECT_EQ(Login(restored, "late@example.com", "Written-After-Backup-1").first, 401);
  // The restored marketplace serves the photo its store names.
  HttpResponse restored_logo = HttpClient(restored.host(), restored.port()).Get(logo_url);
  EXPECT_EQ(restored_logo.status, 200) << logo_url;
  EXPECT_EQ(restored_logo.body, logo.body);
  EXPECT_EQ(restored.Stop(), 0) << restored.Log();
}

TEST(CliTest, BackupOnPostgresNamesTheServersToolsAndWritesNothing) {
  // The URL names no running server: the refusal must come before any connection is tried.
  TempDirectory files("manmulsang-cli-files");
  const fs::path backup_folder = files / "market.backup";
  for (const char* url : {"postgresql://manmulsang@127.0.0.1:1/manmulsang", "postgres:///manmulsang?host=/nowhere"}) {
    const Outcome backup = RunCommand(With({"backup", backup_folder.string(), "--database", url}, files / "shared"));
    EXPECT_EQ(backup.exit_code, 2) << backup;
    EXPECT_TRUE(FailedSaying(backup, "pg_dump")) << url;
    EXPECT_NE(backup.err.find("pg_basebackup"), std::string::npos) << backup;
    EXPECT_NE(backup.err.find((files / "shared" / "media").string()), std::string::npos) << backup;
    EXPECT_FALSE(fs::exists(backup_folder)) << url;
    EXPECT_FALSE(fs::exists(files / "market.backup.partial")) << url;
  }
}

TEST(CliTest, AnOlderSingleFileBackupStillRestores) {
  if (TestDatabase::OnPostgres()) GTEST_SKIP() << "SQLite only: a single-file backup is a SQLite file";
  TestServer source;
  ASSERT_NO_FATAL_FAILURE(Demo(source.data_directory(), 8));
  TempDirectory files("manmulsang-cli-files");
  {
    auto store = db::Database::Open("sqlite:" + (source.data_directory() / "manmulsang.db").string());
    store->BackupTo((files / "market.db").string());
  }
  TestServer restored;
  const Outcome restore = RunCommand(With({"restore", (files / "market.db").string()}, restored.data_directory()));
  ASSERT_EQ(restore.exit_code, 0) << restore;
  restored.Start();
  EXPECT_EQ(Products(restored).size(), 8u);
  EXPECT_EQ(restored.Stop(), 0) << restored.Log();
}

TEST(CliTest, RestoreRefusesWhatIsNotAStoreAndKeepsTheStore) {
  if (TestDatabase::OnPostgres()) GTEST_SKIP() << "SQLite only: restore replaces the store's file";
  TestServer server;
  const fs::path data = server.data_directory();
  ASSERT_NO_FATAL_FAILURE(Demo(data, 12));
  const std::string store_bytes = ReadWholeFile(data / "manmulsang.db");
  ASSERT_FALSE(store_bytes.empty());

  TempDirectory files("manmulsang-cli-files");
  std::string noise(64 * 1024, '\0');
  std::mt19937 random(42);
  for (char& byte : noise) byte = static_cast<char>(random());
  WriteWholeFile(files / "noise.backup", noise);
  WriteWholeFile(files / "empty.backup", "");
  {
    // A real SQLite file that is some other program's database.
    auto other = db::Database::Open("sqlite:" + (files / "other.db").string());
    other->Write([](db::Connection& connection) {
      connection.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
      connection.Execute("INSERT INTO notes (text) VALUES ('hello')");
    });
  }

  for (const char* name : {"noise.backup", "empty.backup", "other.db"}) {
    const Outcome restore = RunCommand(With({"restore", (files / name).string()}, data));
    EXPECT_TRUE(FailedSaying(restore, "not a Manmulsang backup")) << name;
  }
  EXPECT_TRUE(FailedSaying(RunCommand(With({"restore", (files / "no-such.backup").string()}, data)), "no-such.backup"));

  EXPECT_EQ(ReadWholeFile(data / "manmulsang.db"), store_bytes) << "a refused restore changed the store";
  for (const auto& entry : fs::directory_iterator(data)) {
    EXPECT_EQ(entry.path().string().find("restoring"), std::string::npos) << "left behind: " << entry.path();
  }
  server.Start();
  EXPECT_EQ(Products(server).size(), 12u);
}

TEST(CliTest, ServeRejectsABadListenAddress) {
  TempDirectory directory("manmulsang-cli-serve");
  const fs::path data = directory / "data";
  const Outcome nonsense = RunCommand(With({"serve", "--listen", "nonsense"}, data));
  EXPECT_TRUE(FailedSaying(nonsense, "--listen")) << nonsense;
  EXPECT_NE(nonsense.err.find("nonsense"), std::string::npos) << nonsense;
  EXPECT_TRUE(FailedSaying(RunCommand(With({"serve", "--listen", "127.0.0.1:99999"}, data)), "127.0.0.1:99999"));
  EXPECT_TRUE(FailedSaying(RunCommand(With({"serve", "--threads", "1000"}, data)), "--threads"));
  EXPECT_TRUE(FailedSaying(RunCommand(With({"serve", "--request-timeout", "0"}, data)), "--request-timeout"));
}

TEST(CliTest, ABrokenConfigFileIsNamedWithItsProblem) {
  TempDirectory directory("manmulsang-cli-config");
  const fs::path data = directory / "data";
  const fs::path broken = directory / "broken.toml";
  WriteWholeFile(broken, "listen = \"127.0.0.1:8080\ndata = [\n");
  const Outcome outcome = RunCommand(With({"serve", "--config", broken.string()}, data));
  EXPECT_TRUE(FailedSaying(outcome, broken.string())) << outcome;
  EXPECT_NE(outcome.err.find("config"), std::string::npos) << outcome;

  const fs::path out_of_range = directory / "threads.toml";
  WriteWholeFile(out_of_range, "threads = 100000\n");
  EXPECT_TRUE(FailedSaying(RunCommand(With({"serve", "--config", out_of_range.string()}, data)), "threads"));

  EXPECT_TRUE(
      FailedSaying(RunCommand(With({"serve", "--config", (directory / "absent.toml").string()}, data)), "absent.toml"));
}

TEST(CliTest, TheConfigFilesListenAndDataAreHonoured) {
  TempDirectory directory("manmulsang-cli-config");
  const fs::path data = directory / "from-config";
  const std::uint16_t port = FreeLoopbackPort();
  const fs::path config = directory / "manmulsang.toml";
  WriteWholeFile(config, "data = \"" + data.string() + "\"\nlisten = \"127.0.0.1:" + std::to_string(port) +
                             "\"\naccess_log = false\n");

  const Outcome demo = RunCommand({"demo", "--products", "4", "--config", config.string()});
  ASSERT_EQ(demo.exit_code, 0) << demo;
  ASSERT_TRUE(fs::is_regular_file(data / "manmulsang.db")) << "demo did not use the config's data folder";

  Command serve({"serve", "--config", config.string()});
  HttpClient client("127.0.0.1", port);
  client.set_timeout(5s);
  std::optional<HttpResponse> listing;
  for (auto deadline = std::chrono::steady_clock::now() + 60s;
       !listing && std::chrono::steady_clock::now() < deadline;) {
    if (serve.Wait(0ms)) break;
    try {
      listing = client.Get("/api/v1/products");
    } catch (const std::exception&) {
      std::this_thread::sleep_for(50ms);
    }
  }
  ASSERT_TRUE(listing.has_value()) << "nothing served on the config's port " << port << ":\n" << serve.Stderr();
  ASSERT_EQ(listing->status, 200) << listing->body;
  EXPECT_EQ(listing->Json().at("total").to_number<std::int64_t>(), 4) << "serve did not use the config's data";
  EXPECT_NE(serve.Stdout().find("127.0.0.1:" + std::to_string(port)), std::string::npos) << serve.Stdout();
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(30s), std::optional<int>(0)) << serve.Stderr();
}

TEST(CliTest, TheCommandLineWinsOverTheConfigFile) {
  TempDirectory directory("manmulsang-cli-config");
  const fs::path elsewhere = directory / "config-data";
  const fs::path config = directory / "manmulsang.toml";
  WriteWholeFile(config, "data = \"" + elsewhere.string() + "\"\nlisten = \"nonsense\"\nthreads = 1\n");

  // TestServer passes --listen 127.0.0.1:0 and --data of its own: both must beat the file.
  TestServerOptions options;
  options.demo_products = 6;
  options.serve_arguments = {"--config", config.string()};
  TestServer server(options);
  server.Start();
  EXPECT_EQ(Products(server).size(), 6u);
  EXPECT_FALSE(fs::exists(elsewhere)) << "serve opened the config's data folder although --data was given";
  EXPECT_EQ(server.Stop(), 0) << server.Log();

  // Without --listen the file's nonsense is what serve gets, and says so.
  EXPECT_TRUE(
      FailedSaying(RunCommand(With({"serve", "--config", config.string()}, server.data_directory())), "nonsense"));
}

}  // namespace
}  // namespace manmulsang::testing
