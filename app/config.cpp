#include "config.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string_view>

namespace manmulsang::app {

namespace {

// The key's value, nullopt when the file does not set it. A value of another type is an error:
// skipping it would run with a setting the operator did not choose.
template <typename T>
std::optional<T> Value(const toml::table& table, std::string_view key, std::string_view kind) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is<T>()) throw std::runtime_error("config: " + std::string(key) + " must be " + std::string(kind));
  return node->value<T>();
}

}  // namespace

std::string Config::DatabaseUrl() const {
  if (!database_url.empty()) return database_url;
  return "sqlite:" + data_directory + "/manmulsang.db";
}

std::optional<Config::Endpoint> Config::ListenEndpoint() const {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  Endpoint endpoint;
  endpoint.address = listen.substr(0, colon);
  if (endpoint.address.size() > 2 && endpoint.address.front() == '[' && endpoint.address.back() == ']') {
    endpoint.address = endpoint.address.substr(1, endpoint.address.size() - 2);
  }
  const std::string port = listen.substr(colon + 1);
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (error != std::errc() || end != port.data() + port.size() || value > 65535) return std::nullopt;
  endpoint.port = static_cast<std::uint16_t>(value);
  return endpoint;
}

void LoadConfigFile(const std::string& file, Config& config) {
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& error) {
    throw std::runtime_error("cannot read config " + file + ": " + std::string(error.description()));
  }
  // A misspelt key would otherwise leave its setting at the default without a word.
  static constexpr std::string_view kKnownKeys[] = {"data",
                                                    "database",
                                                    "database_replicas",
                                                    "listen",
                                                    "threads",
                                                    "request_timeout_seconds",
                                                    "password_threads",
                                                    "password_queue",
                                                    "jobs_interval_seconds",
                                                    "access_log",
                                                    "trust_proxy_headers",
                                                    "search_in_memory"};
  for (const auto& [key, value] : table) {
    if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key.str()) == std::end(kKnownKeys)) {
      throw std::runtime_error("config " + file + ": unknown key '" + std::string(key.str()) + "'");
    }
  }
  if (auto value = Value<std::string>(table, "data", "a string")) config.data_directory = *value;
  if (auto value = Value<std::string>(table, "database", "a string")) config.database_url = *value;
  if (const toml::node* replicas = table.get("database_replicas")) {
    const toml::array* list = replicas->as_array();
    if (list == nullptr) throw std::runtime_error("config " + file + ": database_replicas must be a list of URLs");
    config.replica_urls.clear();
    for (const toml::node& replica : *list) {
      const auto url = replica.value<std::string>();
      if (!url) throw std::runtime_error("config " + file + ": database_replicas must be a list of URLs");
      config.replica_urls.push_back(*url);
    }
  }
  if (auto value = Value<std::string>(table, "listen", "a string")) config.listen = *value;
  if (auto value = Value<std::int64_t>(table, "threads", "an integer")) {
    if (*value < 0 || *value > 256) throw std::runtime_error("config: threads must be 0..256");
    config.threads = static_cast<unsigned>(*value);
  }
  if (auto value = Value<std::int64_t>(table, "request_timeout_seconds", "an integer")) {
    if (*value < 1 || *value > 3600) throw std::runtime_error("config: request_timeout_seconds must be 1..3600");
    config.request_timeout = std::chrono::seconds(*value);
  }
  if (auto value = Value<std::int64_t>(table, "password_threads", "an integer")) {
    if (*value < 0 || *value > 256) throw std::runtime_error("config: password_threads must be 0..256");
    config.password_threads = static_cast<unsigned>(*value);
  }
  if (auto value = Value<std::int64_t>(table, "password_queue", "an integer")) {
    if (*value < 0 || *value > 100000) throw std::runtime_error("config: password_queue must be 0..100000");
    config.password_queue = static_cast<std::size_t>(*value);
  }
  if (auto value = Value<std::int64_t>(table, "jobs_interval_seconds", "an integer")) {
    if (*value < 1 || *value > 3600) throw std::runtime_error("config: jobs_interval_seconds must be 1..3600");
    config.jobs_interval = std::chrono::seconds(*value);
  }
  if (auto value = Value<bool>(table, "access_log", "true or false")) config.access_log = *value;
  if (auto value = Value<bool>(table, "trust_proxy_headers", "true or false")) config.trust_proxy_headers = *value;
  if (auto value = Value<bool>(table, "search_in_memory", "true or false")) config.search_in_memory = *value;
}

}  // namespace manmulsang::app
