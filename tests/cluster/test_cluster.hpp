#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "temp_directory.hpp"
#include "test_database.hpp"
#include "test_server.hpp"

namespace manmulsang::testing {

struct TestClusterOptions {
  std::size_t nodes = 2;
  int demo_products = 0;  // > 0: `demo --products N --seed S` fills the database first; else `migrate`
  int demo_seed = 1;
  std::vector<std::string> serve_arguments;  // extra, for every node
  std::chrono::seconds startup_timeout{120};
};

// Several real `manmulsang serve` nodes as production runs them (docs/DEPLOYMENT.md): one fresh
// PostgreSQL database in the tests' cluster (MANMULSANG_TEST_POSTGRES, set by CTest for the
// `postgres` label), one shared data folder whose media/ every node writes, and a real nginx
// (/usr/sbin/nginx, or MANMULSANG_NGINX) configured from deploy/nginx/manmulsang.conf on a free
// loopback port in front of them. Everything stops, and the database is dropped, when it goes.
class TestCluster {
 public:
  explicit TestCluster(TestClusterOptions options = {});
  ~TestCluster();

  TestCluster(const TestCluster&) = delete;
  TestCluster& operator=(const TestCluster&) = delete;

  // The demo (or migrations), then every node on a free loopback port, then nginx; returns when
  // each node's /healthz and nginx's answer 200. Throws with the logs when something does not start.
  void Start();

  // Through nginx, as a browser sees the marketplace.
  std::uint16_t port() const { return nginx_port_; }
  std::string base_url() const;
  HttpClient Client() const { return HttpClient("127.0.0.1", nginx_port_); }

  // One node directly, bypassing nginx (index from 0).
  std::size_t node_count() const { return nodes_.size(); }
  std::uint16_t node_port(std::size_t index) const;
  std::string node_base_url(std::size_t index) const;
  HttpClient NodeClient(std::size_t index) const { return HttpClient("127.0.0.1", node_port(index)); }
  bool node_running(std::size_t index) const;
  // The node's process id (-1 while it is stopped): to tell which node a row's claimed_by names.
  pid_t node_pid(std::size_t index) const { return nodes_.at(index).pid; }

  // SIGKILL, as a crash would; nginx finds out by itself (passive failover).
  void KillNode(std::size_t index);
  // SIGTERM and the exit code (negative: the signal that ended it; SIGKILL past the timeout).
  int StopNode(std::size_t index, std::chrono::seconds timeout = std::chrono::seconds(30));
  // Starts a stopped or killed node again on its port, and waits for its /healthz.
  void RestartNode(std::size_t index);

  // The binary with the arguments and this cluster's --database and --data, to completion.
  CommandResult RunCommand(std::vector<std::string> arguments) const;

  const std::string& database_url() const { return database_->url(); }
  const std::filesystem::path& data_directory() const { return data_directory_; }
  std::filesystem::path media_directory() const { return data_directory_ / "media"; }
  // Every node's log and nginx's error and access logs, for failure messages.
  std::string Logs() const;

 private:
  struct Node {
    std::uint16_t port = 0;  // 0 until it first listens on a port it chose
    pid_t pid = -1;
    std::filesystem::path log_file;
  };

  void SpawnNode(Node& node);
  void WaitForNode(Node& node);
  void StartNginx();
  void StopNginx();
  std::string NginxConfiguration() const;

  TestClusterOptions options_;
  TempDirectory directory_;
  std::filesystem::path data_directory_;
  std::unique_ptr<PostgresTestDatabase> database_;
  std::vector<Node> nodes_;
  pid_t nginx_pid_ = -1;
  std::uint16_t nginx_port_ = 0;
};

}  // namespace manmulsang::testing
