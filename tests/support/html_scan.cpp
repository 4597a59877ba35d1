#include "html_scan.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace manmulsang::testing {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
  return lower;
}

// The value of attribute `name` inside one tag's text, if present.
std::optional<std::string> AttributeOf(const std::string& tag, std::string_view name) {
  std::regex pattern("\\s" + std::string(name) + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", std::regex::icase);
  std::smatch match;
  if (!std::regex_search(tag, match, pattern)) return std::nullopt;
  for (int group = 2; group <= 4; ++group) {
    if (match[group].matched) return DecodeEntities(match[group].str());
  }
  return std::string();
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"},  {"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""}, {"&#39;", "'"},
      {"&#x27;", "'"}, {"&#x2F;", "/"}, {"&#47;", "/"}, {"&#61;", "="},   {"&#x3D;", "="}};
  std::string decoded;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, character] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          decoded += character;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) decoded += text[i++];
  }
  return decoded;
}

std::optional<std::string> FindInputValue(std::string_view html, std::string_view name) {
  static const std::regex kInput("<input\\b[^>]*>", std::regex::icase);
  std::string text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kInput); it != std::sregex_iterator(); ++it) {
    std::string tag = it->str();
    std::optional<std::string> tag_name = AttributeOf(tag, "name");
    if (tag_name && *tag_name == name) return AttributeOf(tag, "value").value_or("");
  }
  return std::nullopt;
}

std::vector<std::string> FindUrlAttributes(std::string_view html) {
  static const std::regex kAttribute(
      "\\s(src|href|action|srcset|formaction|poster|data)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
      std::regex::icase);
  std::string text(html);
  std::vector<std::string> urls;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kAttribute); it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    std::string value;
    for (int group = 3; group <= 5; ++group) {
      if (match[group].matched) value = match[group].str();
    }
    urls.push_back(DecodeEntities(value));
  }
  return urls;
}

std::vector<std::string> FindLinks(std::string_view html, std::string_view prefix) {
  std::vector<std::string> links;
  static const std::regex kHref("\\shref\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", std::regex::icase);
  std::string text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kHref); it != std::sregex_iterator(); ++it) {
    std::string value = DecodeEntities((*it)[2].matched ? (*it)[2].str() : (*it)[3].str());
    if (value.starts_with(prefix) && std::find(links.begin(), links.end(), value) == links.end()) {
      links.push_back(value);
    }
  }
  return links;
}

namespace {

bool SingleUrlLeaves(std::string_view value) {
  if (value.starts_with("//") || value.starts_with("\\\\") || value.starts_with("/\\")) return true;
  std::size_t colon = value.find(':');
  std::size_t slash = value.find_first_of("/?#");
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
    std::string_view scheme = value.substr(0, colon);
    return scheme != "data" && scheme != "mailto" && scheme != "tel" && scheme != "javascript";
  }
  return false;
}

}  // namespace

bool PointsToAnotherHost(std::string_view url) {
  std::string lower = Lower(url);
  std::string_view value = lower;
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  if (value.starts_with("data:")) return false;
  // srcset holds several "url width" candidates separated by commas; any of them leaving counts.
  while (!value.empty()) {
    std::size_t comma = value.find(',');
    std::string_view candidate = value.substr(0, comma);
    while (!candidate.empty() && std::isspace(static_cast<unsigned char>(candidate.front())))
      candidate.remove_prefix(1);
    candidate = candidate.substr(0, candidate.find_first_of(" \t\r\n"));
    if (!candidate.empty() && SingleUrlLeaves(candidate)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace manmulsang::testing
