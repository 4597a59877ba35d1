// The JSON API against its description, both ways: every /api/v1 route the server's router has is
// an operation of docs/openapi.yaml (path template and method), and every documented operation
// answers on the real server — perhaps with 400, 401, 403 or a 404 of its own resource, never
// with the router's "no such route" 404 or a 405. The server also serves the description itself.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "blackbox.hpp"
#include "temp_directory.hpp"

namespace manmulsang::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kApiPrefix = "/api/v1";

// "POST /orders/{id}/cancel": an operation as the description writes it.
using Operation = std::string;

std::string ReadSourceFile(const fs::path& relative) {
  std::ifstream input(fs::path(MANMULSANG_SOURCE_DIR) / relative, std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

std::string Upper(std::string text) {
  for (char& character : text) character = static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
  return text;
}

// The operations under `paths:` of an OpenAPI document laid out the way docs/openapi.yaml is:
// path keys indented two spaces ("  /orders/{id}:"), method keys four ("    post:").
std::set<Operation> DocumentedOperations(const std::string& yaml) {
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "patch", "head", "options"};
  std::set<Operation> operations;
  std::istringstream lines(yaml);
  std::string line;
  bool in_paths = false;
  std::string path;
  while (std::getline(lines, line)) {
    if (line.empty() || line.starts_with('#')) continue;
    if (line[0] != ' ') {
      in_paths = line == "paths:";
      continue;
    }
    if (!in_paths) continue;
    if (line.starts_with("  /") && line.ends_with(":")) {
      path = line.substr(2, line.size() - 3);
    } else if (line.starts_with("    ") && line[4] != ' ') {
      const std::string key = line.substr(4, line.find(':') - 4);
      if (kMethods.contains(key) && !path.empty()) operations.insert(Upper(key) + " " + path);
    }
  }
  return operations;
}

// The router's /api/v1 routes as operations: "/api/v1/orders/:id/cancel" → "/orders/{id}/cancel".
std::set<Operation> RoutedOperations(const std::string& listing) {
  std::set<Operation> operations;
  std::istringstream lines(listing);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos || line.substr(space + 1, kApiPrefix.size()) != kApiPrefix) continue;
    const std::string method = line.substr(0, space);
    if (method.empty() || Upper(method) != method) continue;  // a log line, not a route
    std::string path;
    std::istringstream segments(line.substr(space + 1 + kApiPrefix.size()));
    std::string segment;
    std::getline(segments, segment, '/');  // before the leading slash
    while (std::getline(segments, segment, '/')) {
      path += segment.starts_with(':') ? "/{" + segment.substr(1) + "}" : "/" + segment;
    }
    operations.insert(method + " " + path);
  }
  return operations;
}

class ApiContractTest : public BlackBoxTest {
 protected:
  std::set<Operation> Documented() { return DocumentedOperations(ReadSourceFile("docs/openapi.yaml")); }

  // `serve --list-routes` on a store of its own: the routes exactly as the server registers them.
  std::set<Operation> Routed() {
    TempDirectory data;
    const CommandResult listed =
        RunServerCommand({"serve", "--list-routes", "--data", data.path().string(), "--listen", "127.0.0.1:0"});
    EXPECT_EQ(listed.exit_code, 0) << listed.output;
    return RoutedOperations(listed.output);
  }
};

TEST_F(ApiContractTest, TheServerServesItsDescription) {
  const HttpResponse served = NewClient().Get("/api/v1/openapi.yaml");
  ASSERT_EQ(served.status, 200) << served.body.substr(0, 200);
  EXPECT_EQ(served.Header("Content-Type").value_or(""), "application/yaml; charset=utf-8");
  EXPECT_EQ(served.body, ReadSourceFile("docs/openapi.yaml")) << "the binary serves another description";
  EXPECT_TRUE(served.body.starts_with("openapi: 3.")) << served.body.substr(0, 40);
  EXPECT_NE(served.body.find("\nservers:\n  - url: /api/v1\n"), std::string::npos) << "paths are relative to /api/v1";
}

TEST_F(ApiContractTest, EveryRouteIsDocumentedAndEveryDocumentedOperationIsARoute) {
  const std::set<Operation> documented = Documented();
  const std::set<Operation> routed = Routed();
  ASSERT_GT(routed.size(), 40u) << "the route listing looks wrong";
  ASSERT_GT(documented.size(), 40u) << "the description's paths were not read";
  for (const Operation& operation : routed) {
    EXPECT_TRUE(documented.contains(operation)) << operation << " is a route but not in docs/openapi.yaml";
  }
  for (const Operation& operation : documented) {
    EXPECT_TRUE(routed.contains(operation)) << operation << " is in docs/openapi.yaml but no route";
  }
}

TEST_F(ApiContractTest, EveryDocumentedOperationAnswers) {
  const std::set<Operation> documented = Documented();
  ASSERT_FALSE(documented.empty());
  for (const Operation& operation : documented) {
    const std::string method = operation.substr(0, operation.find(' '));
    // Every path parameter is 1: a resource that may not exist, which its handler (not the
    // router) then refuses.
    std::string target(kApiPrefix);
    for (std::size_t index = operation.find(' ') + 1; index < operation.size(); ++index) {
      if (operation[index] == '{') {
        target += '1';
        index = operation.find('}', index);
      } else {
        target += operation[index];
      }
    }
    const bool has_body = method == "POST" || method == "PUT" || method == "PATCH";
    // A visitor with an empty JSON object: refused by authentication or validation at worst.
    const HttpResponse answer =
        NewClient().Send(method, target, has_body ? "{}" : "", has_body ? "application/json" : "");
    EXPECT_NE(answer.status, 405) << operation;
    EXPECT_FALSE(answer.status == 404 && ErrorCode(answer) == "not_found")
        << operation << ": the router knows no such route (" << target << ")";
    EXPECT_LT(answer.status, 500) << operation << ": " << answer.body.substr(0, 200);
  }
}

}  // namespace
}  // namespace manmulsang::testing
