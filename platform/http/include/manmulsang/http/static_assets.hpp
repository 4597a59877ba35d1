#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::http {

// The CSS, JS and icons embedded from web/static, served under content-hashed names
// ("/assets/site.3fa2c1d0.css") with a year-long immutable Cache-Control, and gzip/brotli bodies
// compressed once at start.
class StaticAssets {
 public:
  explicit StaticAssets(std::span<const core::EmbeddedFile> files);
  ~StaticAssets();

  // "site.css" → "/assets/site.3fa2c1d0.css"; empty if there is no such file.
  std::string_view Url(std::string_view file_name) const;
  // Each file as {"site_css", url} (dots and dashes become underscores), for templates.
  std::span<const std::pair<std::string, std::string>> Urls() const;
  // GET /assets/:file, and /favicon.ico when web/static has one.
  void AddRoutes(Router& router) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
