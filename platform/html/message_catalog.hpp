#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/html/renderer.hpp"

namespace manmulsang::html {

// The messages of both locales, loaded from "<locale>.toml" files. Keys are dotted paths
// ("nav.home", "accounts.login_title"); a key one locale lacks falls back to the other's text,
// so a half-translated module shows Korean (or English) rather than a bare key.
class MessageCatalog {
 public:
  // Adds every "ko.toml" / "en.toml" among files (other files are ignored); later files override
  // earlier keys. Throws std::runtime_error on malformed TOML or a value that is not a string.
  void Load(std::span<const core::EmbeddedFile> files);

  std::optional<std::string_view> Find(core::Locale locale, std::string_view key) const;
  // The messages of locale as nested template data, for t.<key>.
  Data Tree(core::Locale locale) const;

 private:
  using Messages = std::map<std::string, std::string, std::less<>>;
  std::array<Messages, 2> loaded_;
  std::array<Messages, 2> merged_;
};

}  // namespace manmulsang::html
