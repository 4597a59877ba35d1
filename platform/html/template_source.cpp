#include "template_source.hpp"

#include <stdexcept>

#include "manmulsang/text/characters.hpp"

namespace manmulsang::html {
namespace {

constexpr int kMaxPartialDepth = 8;

void Inline(std::string_view name, std::string_view source,
            const std::map<std::string, std::string, std::less<>>& sources, int depth, std::string& out) {
  if (depth > kMaxPartialDepth) {
    throw std::runtime_error("template " + std::string(name) + ": partials nest too deep (a recursive partial?)");
  }
  std::size_t position = 0;
  while (position < source.size()) {
    const std::size_t open = source.find("{{", position);
    if (open == std::string_view::npos) break;
    std::size_t tag = open + 2;
    while (tag < source.size() && (source[tag] == ' ' || source[tag] == '\t')) ++tag;
    if (tag >= source.size() || source[tag] != '>') {
      out.append(source.substr(position, tag - position));
      position = tag;
      continue;
    }
    const std::size_t close = source.find("}}", tag);
    if (close == std::string_view::npos) break;  // kainjow reports the unclosed tag
    out.append(source.substr(position, open - position));
    const std::string_view partial = text::TrimAscii(source.substr(tag + 1, close - tag - 1));
    if (const auto found = sources.find(partial); found != sources.end()) {
      Inline(found->first, found->second, sources, depth + 1, out);
    }
    position = close + 2;
  }
  out.append(source.substr(position));
}

}  // namespace

std::string InlinePartials(std::string_view name, std::string_view source,
                           const std::map<std::string, std::string, std::less<>>& sources) {
  std::string out;
  out.reserve(source.size());
  Inline(name, source, sources, 0, out);
  return out;
}

}  // namespace manmulsang::html
