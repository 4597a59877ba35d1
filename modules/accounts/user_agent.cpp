// DescribeUserAgent: the sessions list's "Chrome · Windows". User-Agent strings name several
// browsers at once (Edge and Whale say Chrome and Safari too), so the more particular names are
// looked for first.

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "manmulsang/accounts/accounts.hpp"

namespace manmulsang::accounts {
namespace {

using Name = std::pair<std::string_view, std::string_view>;  // a token of the string, what to show

constexpr std::array<Name, 14> kBrowsers = {{
    {"SamsungBrowser/", "Samsung Internet"},
    {"Whale/", "Whale"},
    {"NAVER(", "Naver"},
    {"KAKAOTALK", "KakaoTalk"},
    {"Edg/", "Edge"},
    {"OPR/", "Opera"},
    {"Firefox/", "Firefox"},
    {"Chromium/", "Chromium"},
    {"Chrome/", "Chrome"},
    {"CriOS/", "Chrome"},
    {"Version/", "Safari"},
    {"curl/", "curl"},
    {"Wget/", "Wget"},
    {"python-requests/", "Python"},
}};

constexpr std::array<Name, 9> kSystems = {{
    {"iPhone", "iPhone"},
    {"iPad", "iPad"},
    {"Android", "Android"},
    {"Windows", "Windows"},
    {"Mac OS X", "macOS"},
    {"Macintosh", "macOS"},
    {"CrOS", "ChromeOS"},
    {"Linux", "Linux"},
    {"X11", "Linux"},
}};

std::string_view Find(std::string_view user_agent, std::span<const Name> names) {
  for (const auto& [token, shown] : names) {
    if (user_agent.find(token) != std::string_view::npos) return shown;
  }
  return {};
}

}  // namespace

std::string DescribeUserAgent(std::string_view user_agent) {
  const std::string_view browser = Find(user_agent, kBrowsers);
  const std::string_view system = Find(user_agent, kSystems);
  if (browser.empty() && system.empty()) return {};
  if (system.empty()) return std::string(browser);
  if (browser.empty()) return std::string(system);
  return std::string(browser) + " · " + std::string(system);
}

}  // namespace manmulsang::accounts
