#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::http {

// The CSS, JS and icons embedded from web/static, served under content-hashed names
// ("/assets/site.3fa2c1d0.css") with a year-long immutable Cache-Control, and gzip/brotli bodies
// compressed once at start: a returning visitor never asks for an asset twice, and a changed
// file gets a new URL so nobody sees a stale one.
//
// The plain names ("/assets/site.css") are served too, with an ETag and revalidation, because a
// stylesheet refers to its images by relative URL. Files may sit one folder deep
// ("icons/cart.svg" → "/assets/icons/cart.1a2b3c4d.svg").
class StaticAssets {
 public:
  // Hashes and compresses every file (brotli at its best level: done once, paid at start).
  explicit StaticAssets(std::span<const core::EmbeddedFile> files);
  ~StaticAssets();
  StaticAssets(const StaticAssets&) = delete;
  StaticAssets& operator=(const StaticAssets&) = delete;

  // "site.css" → "/assets/site.3fa2c1d0.css"; empty if there is no such file.
  std::string_view Url(std::string_view file_name) const;
  // Each file as {"site_css", url} (dots, dashes and slashes become underscores), for templates.
  std::span<const std::pair<std::string, std::string>> Urls() const;
  // GET /assets/:file (and /assets/:folder/:file), and /favicon.ico when web/static has one.
  // Unknown names get 404. The routes refer to this object, which must outlive the router.
  void AddRoutes(Router& router) const;

  // The answer for a name under /assets/ ("site.3fa2c1d0.css" or "site.css"); 404 when unknown.
  Response Serve(std::string_view name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Content-Type for a file name's extension; application/octet-stream when unknown.
std::string_view ContentTypeForFile(std::string_view file_name);

}  // namespace manmulsang::http
