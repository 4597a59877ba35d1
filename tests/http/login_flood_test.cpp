// A flood of sign-ins: Argon2id runs on the server's password pool, so every sign-in is answered
// (signed in, throttled, or refused at once with 503 and Retry-After) and the I/O threads keep
// answering /healthz and cached pages meanwhile. How fast is the benchmark's to say
// (scripts/bench, docs/PERFORMANCE.md); this test says what the answers are.
#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;

// More than the shared server's password pool holds (one thread per core and 64 waiting), so the
// pool is expected to fill; every request is sent before any answer is read.
constexpr int kApiSignIns = 90;
constexpr int kPageSignIns = 10;

struct RawAnswer {
  int status = 0;
  std::string head;
  std::string body;
};

RawAnswer Parse(const std::string& raw) {
  RawAnswer answer;
  answer.status = StatusOf(raw);
  const std::size_t end = raw.find("\r\n\r\n");
  answer.head = raw.substr(0, end);
  if (end != std::string::npos) answer.body = raw.substr(end + 4);
  return answer;
}

// A header's value from a raw response head (name matched without regard to case), or empty.
std::string HeaderValue(const std::string& head, std::string_view name) {
  std::string lowered = head;
  std::ranges::transform(lowered, lowered.begin(), [](unsigned char letter) { return std::tolower(letter); });
  std::string wanted = "\r\n" + std::string(name) + ":";
  std::ranges::transform(wanted, wanted.begin(), [](unsigned char letter) { return std::tolower(letter); });
  const std::size_t at = lowered.find(wanted);
  if (at == std::string::npos) return {};
  const std::size_t begin = head.find_first_not_of(' ', at + wanted.size());
  return head.substr(begin, head.find("\r\n", begin) - begin);
}

class LoginFloodTest : public BlackBoxTest {
 protected:
  std::string HostHeader() const { return "Host: 127.0.0.1:" + std::to_string(server_->port()) + "\r\n"; }

  std::string Request(std::string_view target, std::string_view content_type, const std::string& body,
                      std::string_view extra_headers = {}) const {
    return "POST " + std::string(target) + " HTTP/1.1\r\n" + HostHeader() +
           "Content-Type: " + std::string(content_type) + "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n" + std::string(extra_headers) + "\r\n" + body;
  }
};

TEST_F(LoginFloodTest, EverySignInIsAnsweredAndHealthzKeepsAnsweringDuringTheFlood) {
  const Member member = NewMember("flood");
  const std::string api_body =
      boost::json::serialize(boost::json::object{{"email", member.email}, {"password", kPassword}});

  // The page's sign-ins come from browsers that loaded the form: its CSRF cookie and token.
  std::vector<std::string> page_requests;
  for (int index = 0; index < kPageSignIns; ++index) {
    HttpClient browser = NewClient();
    const HttpResponse form = browser.Get("/login");
    ASSERT_EQ(form.status, 200);
    std::string cookies;
    for (const auto& [name, value] : browser.cookies()) cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
    page_requests.push_back(Request("/login", "application/x-www-form-urlencoded",
                                    FormEncode(FillForm(form.body, "/login", member.email, kPassword, "")),
                                    "Cookie: " + cookies + "\r\n"));
  }

  struct SignIn {
    std::unique_ptr<RawConnection> connection;
    bool page = false;
  };
  std::vector<SignIn> sign_ins;
  for (int index = 0; index < kApiSignIns + kPageSignIns; ++index) {
    const bool page = index % ((kApiSignIns + kPageSignIns) / kPageSignIns) == 0;
    auto connection = std::make_unique<RawConnection>(server_->host(), server_->port());
    const std::string request =
        page ? page_requests.at(static_cast<std::size_t>(index) / ((kApiSignIns + kPageSignIns) / kPageSignIns))
             : Request("/api/v1/auth/login", "application/json", api_body);
    ASSERT_TRUE(connection->Send(request));
    sign_ins.push_back({std::move(connection), page});
  }

  // Sent before any sign-in's answer is read: the I/O threads answer these meanwhile.
  HttpClient watcher = NewClient();
  for (int round = 0; round < 5; ++round) {
    const HttpResponse health = watcher.Get("/healthz");
    EXPECT_EQ(health.status, 200) << health.body;
    EXPECT_EQ(watcher.Get("/").status, 200);
  }

  std::map<int, int> statuses;
  for (SignIn& sign_in : sign_ins) {
    const RawAnswer answer = Parse(sign_in.connection->ReadResponse(60s));
    ++statuses[answer.status];
    const int signed_in = sign_in.page ? 303 : 200;
    ASSERT_TRUE(answer.status == signed_in || answer.status == 429 || answer.status == 503)
        << "a sign-in must succeed, be throttled or be refused as busy: " << answer.head;
    if (answer.status == signed_in && !sign_in.page) {
      EXPECT_NE(answer.body.find("\"token\""), std::string::npos) << answer.body;
    }
    if (answer.status == signed_in && sign_in.page) {
      EXPECT_NE(answer.head.find("mm_session="), std::string::npos) << "the page signs in with a cookie";
    }
    if (answer.status == 429 || answer.status == 503) {
      const std::string retry_after = HeaderValue(answer.head, "Retry-After");
      ASSERT_FALSE(retry_after.empty()) << answer.head;
      EXPECT_GE(std::stoi(retry_after), 1) << answer.head;
    }
    if (answer.status == 503 && !sign_in.page) {
      const boost::json::value problem = boost::json::parse(answer.body);
      EXPECT_EQ(problem.at("error").at("code").as_string(), "busy") << answer.body;
      EXPECT_FALSE(problem.at("error").at("message").as_string().empty()) << answer.body;
    }
    if (answer.status == 503 && sign_in.page) {
      EXPECT_NE(answer.head.find("text/html"), std::string::npos) << answer.head;
      EXPECT_NE(answer.body.find("잠시 후 다시 시도해 주세요"), std::string::npos) << answer.body;
    }
  }
  EXPECT_GT(statuses[200], 0) << "some sign-ins get through the flood";
  std::string summary;
  for (const auto& [status, count] : statuses) summary += std::to_string(status) + ": " + std::to_string(count) + " ";
  RecordProperty("answers", summary);

  // Afterwards the pool has given every place back: a sign-in works as before.
  const HttpResponse after =
      NewClient().PostJson("/api/v1/auth/login", {{"email", member.email}, {"password", kPassword}});
  EXPECT_EQ(after.status, 200) << after.body;
}

}  // namespace
}  // namespace manmulsang::testing
