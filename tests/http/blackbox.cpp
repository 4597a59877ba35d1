#include "blackbox.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <mutex>
#include <regex>
#include <stdexcept>

namespace manmulsang::testing {
namespace {

std::unique_ptr<TestServer> shared_server;
std::string shared_server_failure;

class SharedServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (!shared_server || !shared_server->running()) return;
    int exit_code = shared_server->Stop();
    EXPECT_EQ(exit_code, 0) << "the shared server did not exit cleanly on SIGTERM:\n" << shared_server->Log();
    shared_server.reset();
  }
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new SharedServerEnvironment);

}  // namespace

TestServer& SharedServer() {
  if (shared_server) return *shared_server;
  if (!shared_server_failure.empty()) throw std::runtime_error(shared_server_failure);
  TestServerOptions options;
  options.demo_products = kDemoProducts;
  options.serve_arguments = {"--request-timeout", std::to_string(kRequestTimeoutSeconds)};
  auto server = std::make_unique<TestServer>(options);
  try {
    server->Start();
  } catch (const std::exception& error) {
    shared_server_failure = std::string("the shared server did not start: ") + error.what();
    throw;
  }
  shared_server = std::move(server);
  return *shared_server;
}

void BlackBoxTest::SetUp() {
  try {
    server_ = &SharedServer();
  } catch (const std::exception& error) {
    GTEST_FAIL() << error.what();
  }
}

std::string BlackBoxTest::UniqueEmail(std::string_view tag) {
  static std::atomic<int> counter{0};
  return "qa-" + std::string(tag) + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "@example.com";
}

std::string BlackBoxTest::RegisterViaApi(const std::string& email, const std::string& password) {
  HttpClient client = NewClient();
  HttpResponse response =
      client.PostJson("/api/v1/auth/register", {{"email", email}, {"password", password}, {"name", "품질 검사"}});
  EXPECT_EQ(response.status, 201) << response.body;
  if (response.status != 201) return {};
  const boost::json::value json = response.Json();
  const boost::json::value* token = json.is_object() ? json.as_object().if_contains("token") : nullptr;
  EXPECT_TRUE(token != nullptr && token->is_string()) << response.body;
  return token != nullptr && token->is_string() ? std::string(token->as_string()) : std::string();
}

std::int64_t BlackBoxTest::AnyProductId() {
  HttpClient client = NewClient();
  HttpResponse response = client.Get("/api/v1/products?per_page=5&page=2");
  if (response.status != 200) throw std::runtime_error("/api/v1/products: " + response.body);
  const boost::json::value json = response.Json();
  const auto& items = json.at("items").as_array();
  if (items.empty()) throw std::runtime_error("/api/v1/products returned no items");
  return items.front().at("id").to_number<std::int64_t>();
}

HttpClient BlackBoxTest::SignInThroughLoginForm(const std::string& email, const std::string& password) const {
  HttpClient client = NewClient();
  HttpResponse form = client.Get("/login");
  if (form.status != 200) throw std::runtime_error("/login: " + std::to_string(form.status));
  HttpResponse login = client.Post("/login", FillForm(form.body, "/login", email, password, ""));
  if (login.status != 303 || !client.Cookie("mm_session")) {
    throw std::runtime_error("the login form did not sign in: " + std::to_string(login.status));
  }
  return client;
}

HttpClient BlackBoxTest::Client(const std::string& token) const {
  HttpClient client = NewClient();
  if (!token.empty()) client.set_bearer_token(token);
  return client;
}

std::string BlackBoxTest::AdminToken() {
  // One admin for the whole binary: every scenario shares the server and its store.
  static std::mutex mutex;
  static std::string token;
  std::lock_guard lock(mutex);
  if (!token.empty()) return token;
  constexpr const char* kAdminPassword = "Naengmyeon-Okryu-2026";
  TempDirectory files("manmulsang-blackbox-admin");
  {
    std::ofstream password(files / "admin.password");
    password << kAdminPassword << "\n";
  }
  const std::string email = UniqueEmail("admin");
  const CommandResult created = RunServerCommand({"admin", "create-user", "--email", email, "--password-file",
                                                  (files / "admin.password").string(), "--role", "admin", "--data",
                                                  server_->data_directory().string()});
  if (created.exit_code != 0) throw std::runtime_error("admin create-user failed: " + created.output);
  HttpResponse login = Client().PostJson("/api/v1/auth/login", {{"email", email}, {"password", kAdminPassword}});
  if (login.status != 200) throw std::runtime_error("the admin made with the CLI cannot log in: " + login.body);
  token = std::string(login.Json().at("token").as_string());
  return token;
}

BlackBoxTest::Member BlackBoxTest::NewMember(std::string_view tag) {
  const std::string email = UniqueEmail(tag);
  HttpResponse response =
      Client().PostJson("/api/v1/auth/register", {{"email", email}, {"password", kPassword}, {"name", "품질 검사"}});
  if (response.status != 201) throw std::runtime_error("register: " + response.body);
  const boost::json::value json = response.Json();
  return Member{Int(json.at("user").at("id")), email, std::string(json.at("token").as_string())};
}

ShopOwner BlackBoxTest::Applicant(std::string_view tag, std::string_view shop_name) {
  ShopOwner owner;
  owner.email = UniqueEmail(tag);
  owner.token = RegisterViaApi(owner.email, kPassword);
  HttpResponse applied = Client(owner.token)
                             .PostJson("/api/v1/seller/apply", {{"shop_name", shop_name},
                                                                {"description", "좋은 물건을 팝니다."},
                                                                {"phone", "02-381-4411"},
                                                                {"city", "평양"}});
  if (applied.status != 201) throw std::runtime_error("apply: " + applied.body);
  owner.shop = Int(applied.Json().at("seller").at("id"));
  return owner;
}

ShopOwner BlackBoxTest::ApprovedSeller(std::string_view tag, std::string_view shop_name) {
  ShopOwner owner = Applicant(tag, shop_name);
  HttpResponse approved =
      Client(AdminToken())
          .PostJson("/api/v1/admin/sellers/" + std::to_string(owner.shop) + "/approve", boost::json::object{});
  if (approved.status != 200) throw std::runtime_error("approve: " + approved.body);
  return owner;
}

std::vector<ShopOwner> BlackBoxTest::DemoSellers() {
  static std::mutex mutex;
  static std::vector<ShopOwner> sellers;
  std::lock_guard lock(mutex);
  if (sellers.empty()) sellers = FindDemoSellers(*server_);
  return sellers;
}

std::vector<ShopOwner> FindDemoSellers(const TestServer& server) {
  const auto client = [&server](const std::string& token) {
    HttpClient client(server.host(), server.port());
    if (!token.empty()) client.set_bearer_token(token);
    return client;
  };
  std::vector<ShopOwner> sellers;
  // The demo's sellers are its first members: the first member without a shop ends the search.
  for (int index = 1; index <= 100; ++index) {
    std::string number = std::to_string(index);
    const std::string email = "user" + std::string(4 - number.size(), '0') + number + "@example.kp";
    HttpResponse login = client({}).PostJson("/api/v1/auth/login", {{"email", email}, {"password", kDemoPassword}});
    if (login.status != 200) break;
    const std::string token(login.Json().at("token").as_string());
    HttpResponse shop = client(token).Get("/api/v1/seller/shop/delivery");
    if (shop.status != 200) break;
    sellers.push_back({Int(shop.Json().at("shop_id")), email, token});
  }
  return sellers;
}

FormFields FillForm(std::string_view html, std::string_view action, const std::string& email,
                    const std::string& password, const std::string& name) {
  std::string text(html);
  std::regex form_pattern("<form\\b[^>]*action\\s*=\\s*[\"']" + std::string(action) + "[\"'][^>]*>([\\s\\S]*?)</form>",
                          std::regex::icase);
  std::smatch form;
  if (!std::regex_search(text, form, form_pattern)) {
    throw std::runtime_error("no form with action " + std::string(action));
  }
  std::string body = form[1].str();
  static const std::regex kInput("<input\\b[^>]*>", std::regex::icase);
  static const std::regex kName("\\sname\\s*=\\s*[\"']([^\"']*)[\"']", std::regex::icase);
  static const std::regex kValue("\\svalue\\s*=\\s*[\"']([^\"']*)[\"']", std::regex::icase);
  static const std::regex kType("\\stype\\s*=\\s*[\"']([^\"']*)[\"']", std::regex::icase);
  FormFields fields;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kInput); it != std::sregex_iterator(); ++it) {
    std::string tag = it->str();
    std::smatch match;
    if (!std::regex_search(tag, match, kName)) continue;
    std::string field = match[1].str();
    std::string type = std::regex_search(tag, match, kType) ? match[1].str() : "text";
    std::string value = std::regex_search(tag, match, kValue) ? DecodeEntities(match[1].str()) : "";
    if (type == "submit" || type == "button") continue;
    if (type == "checkbox" || type == "radio") {
      if (tag.find("checked") != std::string::npos) fields.emplace_back(field, value.empty() ? "on" : value);
      continue;
    }
    if (type == "hidden") {
      fields.emplace_back(field, value);
    } else if (type == "email" || field.find("email") != std::string::npos) {
      fields.emplace_back(field, email);
    } else if (type == "password" || field.find("password") != std::string::npos) {
      fields.emplace_back(field, password);
    } else if (field.find("name") != std::string::npos) {
      fields.emplace_back(field, name);
    } else {
      fields.emplace_back(field, value);
    }
  }
  return fields;
}

::testing::AssertionResult IsJsonError(const HttpResponse& response, int status) {
  if (response.status != status) {
    return ::testing::AssertionFailure() << "status " << response.status << " instead of " << status
                                         << ", body: " << response.body.substr(0, 400);
  }
  std::optional<std::string> content_type = response.Header("Content-Type");
  if (!content_type || content_type->find("application/json") == std::string::npos) {
    return ::testing::AssertionFailure() << "Content-Type " << content_type.value_or("(none)") << " is not JSON";
  }
  boost::system::error_code error;
  boost::json::value json = boost::json::parse(response.body, error);
  if (error || !json.is_object())
    return ::testing::AssertionFailure() << "body is not a JSON object: " << response.body;
  const boost::json::value* error_value = json.as_object().if_contains("error");
  if (error_value == nullptr || !error_value->is_object()) {
    return ::testing::AssertionFailure() << "no error object: " << response.body;
  }
  const boost::json::object& error_object = error_value->as_object();
  const boost::json::value* code = error_object.if_contains("code");
  const boost::json::value* message = error_object.if_contains("message");
  if (code == nullptr || !code->is_string() || code->as_string().empty()) {
    return ::testing::AssertionFailure() << "error.code missing or empty: " << response.body;
  }
  static const std::regex kSnakeCase("[a-z][a-z0-9_]*");
  if (!std::regex_match(std::string(code->as_string()), kSnakeCase)) {
    return ::testing::AssertionFailure() << "error.code is not snake_case: " << response.body;
  }
  if (message == nullptr || !message->is_string() || message->as_string().empty()) {
    return ::testing::AssertionFailure() << "error.message missing or empty: " << response.body;
  }
  return ::testing::AssertionSuccess();
}

std::int64_t Int(const boost::json::value& value) { return value.to_number<std::int64_t>(); }

std::string ErrorCode(const HttpResponse& response) {
  try {
    return std::string(response.Json().at("error").at("code").as_string());
  } catch (const std::exception&) {
    return "(no error code: " + response.body.substr(0, 200) + ")";
  }
}

std::string ErrorField(const HttpResponse& response) {
  try {
    const boost::json::value json = response.Json();
    const boost::json::value* field = json.at("error").as_object().if_contains("field");
    return field != nullptr && field->is_string() ? std::string(field->as_string()) : std::string();
  } catch (const std::exception&) {
    return "(no error: " + response.body.substr(0, 200) + ")";
  }
}

namespace {
constexpr std::string_view kMultipartBoundary = "----manmulsang-blackbox-boundary";
}  // namespace

std::string MultipartBody(const std::vector<MultipartPart>& parts) {
  std::string body;
  for (const MultipartPart& part : parts) {
    body += "--" + std::string(kMultipartBoundary) + "\r\nContent-Disposition: form-data; name=\"" + part.name + "\"";
    if (part.file_name) body += "; filename=\"" + *part.file_name + "\"\r\nContent-Type: " + part.content_type;
    body += "\r\n\r\n" + part.content + "\r\n";
  }
  return body + "--" + std::string(kMultipartBoundary) + "--\r\n";
}

std::string MultipartType() { return "multipart/form-data; boundary=" + std::string(kMultipartBoundary); }

std::string ImageBody(std::string_view field, std::string_view file) {
  return MultipartBody({{std::string(field), std::string(file), "photo.png", "image/png"}});
}

const std::string kOnePixelPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    "\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87\x01\x80"
    "\xeb\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    70);

boost::json::object AsObject(const boost::json::value& value) {
  if (!value.is_object()) throw std::runtime_error("not a JSON object: " + boost::json::serialize(value));
  return value.as_object();
}

}  // namespace manmulsang::testing
