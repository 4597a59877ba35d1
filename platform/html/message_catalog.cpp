#include "message_catalog.hpp"

#include <toml++/toml.h>
#include <stdexcept>

namespace manmulsang::html {
namespace {

std::size_t LocaleIndex(core::Locale locale) { return locale == core::Locale::en ? 1 : 0; }

void Flatten(const toml::table& table, const std::string& prefix, std::string_view file,
             std::map<std::string, std::string, std::less<>>& out) {
  for (const auto& [key, node] : table) {
    std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* inner = node.as_table()) {
      Flatten(*inner, name, file, out);
    } else if (const auto* text = node.as_string()) {
      out.insert_or_assign(std::move(name), text->get());
    } else {
      throw std::runtime_error("message catalog " + std::string(file) + ": " + name + " is not a string");
    }
  }
}

// One level of the t.* tree while it is being built.
struct Node {
  std::optional<std::string> text;
  std::map<std::string, Node, std::less<>> children;

  Data ToData() const {
    if (text) return Data(*text);
    Data object;
    for (const auto& [name, child] : children) object.set(name, child.ToData());
    return object;
  }
};

}  // namespace

void MessageCatalog::Load(std::span<const core::EmbeddedFile> files) {
  for (const core::EmbeddedFile& file : files) {
    std::string_view stem =
        file.path.substr(file.path.rfind('/') == std::string_view::npos ? 0 : file.path.rfind('/') + 1);
    if (stem.size() < 5 || stem.substr(stem.size() - 5) != ".toml") continue;
    stem.remove_suffix(5);
    const std::optional<core::Locale> locale = core::ParseLocale(stem);
    if (!locale) continue;
    toml::table table;
    try {
      table = toml::parse(file.content, file.path);
    } catch (const toml::parse_error& error) {
      throw std::runtime_error("message catalog " + std::string(file.path) + ": " + std::string(error.description()));
    }
    Flatten(table, "", file.path, loaded_[LocaleIndex(*locale)]);
  }
  for (std::size_t index = 0; index < merged_.size(); ++index) {
    merged_[index] = loaded_[index];
    for (const auto& [key, text] : loaded_[1 - index]) merged_[index].emplace(key, text);
  }
}

std::optional<std::string_view> MessageCatalog::Find(core::Locale locale, std::string_view key) const {
  const Messages& messages = merged_[LocaleIndex(locale)];
  const auto found = messages.find(key);
  if (found == messages.end()) return std::nullopt;
  return found->second;
}

Data MessageCatalog::Tree(core::Locale locale) const {
  Node root;
  for (const auto& [key, text] : merged_[LocaleIndex(locale)]) {
    Node* node = &root;
    std::string_view rest = key;
    while (true) {
      const std::size_t dot = rest.find('.');
      Node& child = node->children[std::string(rest.substr(0, dot))];
      if (dot == std::string_view::npos) {
        if (!child.children.empty()) throw std::runtime_error("message " + key + " is also a table");
        child.text = text;
        break;
      }
      if (child.text) throw std::runtime_error("message " + key + " is under a message");
      node = &child;
      rest.remove_prefix(dot + 1);
    }
  }
  return root.ToData();
}

}  // namespace manmulsang::html
