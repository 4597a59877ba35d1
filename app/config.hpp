#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manmulsang::app {

// Everything `serve` and the other commands need to know, from the TOML file given by --config
// and then the command line (the command line wins).
struct Config {
  std::string data_directory = "./data";
  std::string database_url;  // empty: sqlite:<data_directory>/manmulsang.db
  // PostgreSQL read replicas of database_url (streaming standbys): reads are spread over them,
  // except for a member who wrote in the last few seconds (read_your_writes.hpp).
  std::vector<std::string> replica_urls;
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;  // 0: one per core
  std::chrono::seconds request_timeout{10};
  // Password hashing (sign-in, registration, reset) runs on a pool of its own, off the I/O
  // threads: password_threads threads (0: one per core) and up to password_queue requests
  // waiting; more are answered 503 with Retry-After at once.
  unsigned password_threads = 0;
  std::size_t password_queue = 64;
  // How often `serve` runs the timed order jobs (unpaid bank transfers expire, shipped orders are
  // delivered and delivered ones confirmed after the admin's settings, stale guest carts go).
  // Their deadlines are in hours and days, so a minute is plenty; on several nodes the turns
  // take a lock, and whichever node comes first moves the due orders.
  std::chrono::seconds jobs_interval{60};
  bool access_log = true;
  // Behind nginx every peer is the proxy: take the client address from X-Real-IP /
  // X-Forwarded-For so per-address login throttling and logs see real clients.
  bool trust_proxy_headers = false;
  // `serve` answers searches from an in-memory copy of the index (docs/SEARCH.md): ten to fifty
  // times faster than reading the index's tables, for about 0.6 KB of memory per listing and a
  // load at start (~50 s for 1 M listings). false: from the tables, for a small machine with a
  // small store.
  bool search_in_memory = true;
  // `serve --list-routes`: print every route ("METHOD /pattern") and exit without listening; the
  // API contract test compares that list with docs/openapi.yaml. Command line only.
  bool list_routes = false;

  std::string DatabaseUrl() const;
  // "host:port" → parts; nullopt when it is not that shape.
  struct Endpoint {
    std::string address;
    std::uint16_t port = 0;
  };
  std::optional<Endpoint> ListenEndpoint() const;
};

// Reads the keys the file sets (data, database, listen, threads, request_timeout_seconds,
// password_threads, password_queue, jobs_interval_seconds, access_log, trust_proxy_headers, search_in_memory) over
// config. Throws std::runtime_error with the file's own message on bad TOML.
void LoadConfigFile(const std::string& file, Config& config);

}  // namespace manmulsang::app
