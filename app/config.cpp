#include "config.hpp"

#include <charconv>
#include <stdexcept>
#include <toml++/toml.h>

namespace manmulsang::app {

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
  if (auto value = table["data"].value<std::string>()) config.data_directory = *value;
  if (auto value = table["database"].value<std::string>()) config.database_url = *value;
  if (auto value = table["listen"].value<std::string>()) config.listen = *value;
  if (auto value = table["threads"].value<std::int64_t>()) {
    if (*value < 0 || *value > 256) throw std::runtime_error("config: threads must be 0..256");
    config.threads = static_cast<unsigned>(*value);
  }
  if (auto value = table["request_timeout_seconds"].value<std::int64_t>()) {
    if (*value < 1 || *value > 3600) throw std::runtime_error("config: request_timeout_seconds must be 1..3600");
    config.request_timeout = std::chrono::seconds(*value);
  }
  if (auto value = table["access_log"].value<bool>()) config.access_log = *value;
  if (auto value = table["trust_proxy_headers"].value<bool>()) config.trust_proxy_headers = *value;
}

}  // namespace manmulsang::app
