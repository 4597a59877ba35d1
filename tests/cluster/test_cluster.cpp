#include "test_cluster.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

extern char** environ;

namespace manmulsang::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

std::string ReadFile(const fs::path& file) {
  std::ifstream input(file, std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

void WriteFile(const fs::path& file, const std::string& content) {
  std::ofstream output(file, std::ios::binary | std::ios::trunc);
  output << content;
  if (!output) throw std::runtime_error("cannot write " + file.string());
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

fs::path NginxBinary() {
  const char* from_environment = std::getenv("MANMULSANG_NGINX");
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "/usr/sbin/nginx";
}

// A loopback port no one listens on now. Another process may take it before nginx binds it:
// StartNginx tries again with another port when that happens.
std::uint16_t FreePort() {
  const int descriptor = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (descriptor < 0) throw std::system_error(errno, std::generic_category(), "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(descriptor, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(descriptor, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const int error = errno;
    ::close(descriptor);
    throw std::system_error(error, std::generic_category(), "bind 127.0.0.1:0");
  }
  ::close(descriptor);
  return ntohs(address.sin_port);
}

bool AnswersHealthz(std::uint16_t port) {
  try {
    HttpClient client("127.0.0.1", port);
    client.set_timeout(2s);
    return client.Get("/healthz").status == 200;
  } catch (const std::exception&) {
    return false;  // not accepting yet
  }
}

}  // namespace

TestCluster::TestCluster(TestClusterOptions options)
    : options_(std::move(options)), directory_("manmulsang-cluster"), data_directory_(directory_ / "data") {
  const std::optional<std::string> cluster_url = TestPostgresUrl();
  if (!cluster_url) {
    throw std::runtime_error(
        "TestCluster runs on PostgreSQL: MANMULSANG_TEST_POSTGRES is not set (run it through "
        "`ctest -L postgres`, whose fixture starts the tests' cluster)");
  }
  if (options_.nodes == 0) throw std::logic_error("TestCluster needs at least one node");
  database_ = std::make_unique<PostgresTestDatabase>(*cluster_url);
  fs::create_directories(media_directory());
  fs::create_directories(directory_ / "nginx" / "temp");
  // Run as root, nginx's workers are `nobody`: they must traverse to the photos and their
  // temporary folders (the temporary folder is made 0700).
  for (const fs::path& folder : {directory_.path(), data_directory_, media_directory(), directory_ / "nginx"}) {
    fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  }
  nodes_.resize(options_.nodes);
  for (std::size_t index = 0; index < nodes_.size(); ++index) {
    nodes_[index].log_file = directory_ / ("node-" + std::to_string(index) + ".log");
  }
}

TestCluster::~TestCluster() {
  StopNginx();
  for (Node& node : nodes_) {
    if (node.pid > 0) {
      ::kill(node.pid, SIGKILL);
      WaitForChild(node.pid, 10s);
      node.pid = -1;
    }
  }
  // Then the database goes (database_'s destructor), with no node connected to it.
}

std::string TestCluster::base_url() const { return "http://127.0.0.1:" + std::to_string(nginx_port_); }

std::uint16_t TestCluster::node_port(std::size_t index) const { return nodes_.at(index).port; }

std::string TestCluster::node_base_url(std::size_t index) const {
  return "http://127.0.0.1:" + std::to_string(node_port(index));
}

bool TestCluster::node_running(std::size_t index) const { return nodes_.at(index).pid > 0; }

CommandResult TestCluster::RunCommand(std::vector<std::string> arguments) const {
  arguments.insert(arguments.end(), {"--database", database_url(), "--data", data_directory_.string()});
  return RunServerCommand(arguments);
}

void TestCluster::Start() {
  const CommandResult prepared = options_.demo_products > 0
                                     ? RunCommand({"demo", "--products", std::to_string(options_.demo_products),
                                                   "--seed", std::to_string(options_.demo_seed)})
                                     : RunCommand({"migrate"});
  if (prepared.exit_code != 0) {
    throw std::runtime_error("preparing the cluster's database failed with " + std::to_string(prepared.exit_code) +
                             ":\n" + prepared.output);
  }
  // The nodes start together, as a machine's units do at boot.
  for (Node& node : nodes_) SpawnNode(node);
  for (Node& node : nodes_) WaitForNode(node);
  StartNginx();
}

void TestCluster::SpawnNode(Node& node) {
  std::vector<std::string> arguments = {"serve",
                                        "--listen",
                                        "127.0.0.1:" + std::to_string(node.port),
                                        "--database",
                                        database_url(),
                                        "--data",
                                        data_directory_.string(),
                                        "--trust-proxy"};
  arguments.insert(arguments.end(), options_.serve_arguments.begin(), options_.serve_arguments.end());
  // A fresh log per start, so the port line found is this run's.
  fs::remove(node.log_file);
  node.pid = SpawnBinary(arguments, node.log_file, node.log_file);
}

void TestCluster::WaitForNode(Node& node) {
  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
  const auto deadline = Clock::now() + options_.startup_timeout;
  while (true) {
    const std::string log = ReadFile(node.log_file);
    std::smatch match;
    if (std::regex_search(log, match, kListening)) {
      node.port = static_cast<std::uint16_t>(std::stoi(match[1].str()));
      if (AnswersHealthz(node.port)) return;
    }
    if (std::optional<int> exit_code = WaitForChild(node.pid, 0ms)) {
      node.pid = -1;
      throw std::runtime_error("a node exited with " + std::to_string(*exit_code) + " before serving:\n" + log);
    }
    if (Clock::now() >= deadline) throw std::runtime_error("a node did not answer /healthz in time:\n" + log);
    std::this_thread::sleep_for(50ms);
  }
}

void TestCluster::KillNode(std::size_t index) {
  Node& node = nodes_.at(index);
  if (node.pid <= 0) throw std::logic_error("node " + std::to_string(index) + " is not running");
  ::kill(node.pid, SIGKILL);
  WaitForChild(node.pid, 10s);
  node.pid = -1;
}

int TestCluster::StopNode(std::size_t index, std::chrono::seconds timeout) {
  Node& node = nodes_.at(index);
  if (node.pid <= 0) throw std::logic_error("node " + std::to_string(index) + " is not running");
  ::kill(node.pid, SIGTERM);
  std::optional<int> exit_code = WaitForChild(node.pid, timeout);
  if (!exit_code) {
    ::kill(node.pid, SIGKILL);
    WaitForChild(node.pid, 10s);
    exit_code = -SIGKILL;
  }
  node.pid = -1;
  return *exit_code;
}

void TestCluster::RestartNode(std::size_t index) {
  Node& node = nodes_.at(index);
  if (node.pid > 0) throw std::logic_error("node " + std::to_string(index) + " is still running");
  // Its port stays: nginx's upstream names it.
  SpawnNode(node);
  WaitForNode(node);
}

std::string TestCluster::NginxConfiguration() const {
  const fs::path template_file = fs::path(MANMULSANG_SOURCE_DIR) / "deploy" / "nginx" / "manmulsang.conf";
  std::string site = ReadFile(template_file);
  if (site.empty()) throw std::runtime_error("cannot read " + template_file.string());
  std::string servers;
  for (const Node& node : nodes_) {
    servers += "server 127.0.0.1:" + std::to_string(node.port) + " max_fails=1 fail_timeout=5s;\n    ";
  }
  site = ReplaceAll(site, "@NODES@", servers);
  site = ReplaceAll(site, "@LISTEN@", "127.0.0.1:" + std::to_string(nginx_port_));
  site = ReplaceAll(site, "@MEDIA_FOLDER@", media_directory().string());
  if (site.find("@NODES@") != std::string::npos || site.find("@LISTEN@") != std::string::npos ||
      site.find("@MEDIA_FOLDER@") != std::string::npos) {
    throw std::logic_error("a placeholder of " + template_file.string() + " is left");
  }
  const fs::path prefix = directory_ / "nginx";
  const fs::path temp = prefix / "temp";
  std::string configuration = "daemon off;\nworker_processes 2;\npid " + (prefix / "nginx.pid").string() +
                              ";\nerror_log " + (prefix / "error.log").string() +
                              " warn;\nevents {\n    worker_connections 512;\n}\nhttp {\n";
  configuration += "    access_log " + (prefix / "access.log").string() + ";\n";
  for (const char* kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
    configuration += "    " + std::string(kind) + "_temp_path " + (temp / kind).string() + ";\n";
  }
  configuration += "    default_type application/octet-stream;\n" + site + "\n}\n";
  return configuration;
}

void TestCluster::StartNginx() {
  const fs::path prefix = directory_ / "nginx";
  const fs::path output = prefix / "nginx.out";
  for (int attempt = 0; attempt < 5; ++attempt) {
    nginx_port_ = FreePort();
    WriteFile(prefix / "nginx.conf", NginxConfiguration());
    fs::remove(output);
    nginx_pid_ = SpawnProcess(
        NginxBinary(),
        {"-p", prefix.string() + "/", "-c", (prefix / "nginx.conf").string(), "-e", (prefix / "error.log").string()},
        output, output);
    const auto deadline = Clock::now() + 30s;
    while (true) {
      if (AnswersHealthz(nginx_port_)) return;
      if (std::optional<int> exit_code = WaitForChild(nginx_pid_, 0ms)) {
        nginx_pid_ = -1;
        const std::string said = ReadFile(output) + ReadFile(prefix / "error.log");
        if (said.find("Address already in use") != std::string::npos) break;  // the port was taken: another
        throw std::runtime_error("nginx exited with " + std::to_string(*exit_code) + ":\n" + said);
      }
      if (Clock::now() >= deadline) {
        StopNginx();
        throw std::runtime_error("nginx did not answer /healthz in time:\n" + Logs());
      }
      std::this_thread::sleep_for(50ms);
    }
  }
  throw std::runtime_error("nginx found no free port in 5 attempts:\n" + Logs());
}

void TestCluster::StopNginx() {
  if (nginx_pid_ <= 0) return;
  // TERM: a fast stop; the workers go with the master.
  ::kill(nginx_pid_, SIGTERM);
  if (!WaitForChild(nginx_pid_, 15s)) {
    ::kill(nginx_pid_, SIGKILL);
    WaitForChild(nginx_pid_, 10s);
  }
  nginx_pid_ = -1;
}

std::string TestCluster::Logs() const {
  std::string logs;
  for (std::size_t index = 0; index < nodes_.size(); ++index) {
    logs += "---- node " + std::to_string(index) + " (port " + std::to_string(nodes_[index].port) + ")\n" +
            ReadFile(nodes_[index].log_file);
  }
  const fs::path prefix = directory_ / "nginx";
  logs += "---- nginx\n" + ReadFile(prefix / "nginx.out") + ReadFile(prefix / "error.log");
  logs += "---- nginx access log\n" + ReadFile(prefix / "access.log");
  return logs;
}

}  // namespace manmulsang::testing
