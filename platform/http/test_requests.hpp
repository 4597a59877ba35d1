#pragma once

// Building requests in tests the way the server does, without a socket.

#include <string>
#include <utility>
#include <vector>

#include "manmulsang/http/request.hpp"

namespace manmulsang::http::testing {

inline Request MakeRequest(Method method, std::string_view target,
                           std::vector<std::pair<std::string, std::string>> headers = {}, std::string body = {}) {
  BeastRequest message(method, target, 11);
  for (const auto& [name, value] : headers) message.insert(name, value);
  message.body() = std::move(body);
  return Request(std::move(message), "127.0.0.1", "test-id");
}

}  // namespace manmulsang::http::testing
