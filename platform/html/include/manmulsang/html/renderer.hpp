#pragma once

#include <kainjow/mustache.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/http/static_assets.hpp"

namespace manmulsang::html {

// Template data: kainjow mustache, which escapes {{value}} by default. {{{raw}}} is only for
// HTML that our own code rendered.
using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

// Renders the modules' templates inside the one layout every page shares (header with the search
// box and account links, footer), in the request's language.
//
// Every template and the layout see, besides the handler's data:
//   t.<key>      the message catalog of the request's locale (web/i18n/<locale>.toml)
//   lang         "ko" | "en";  csrf  the request's CSRF token (forms carry it as _csrf)
//   signed_in, is_seller, is_admin, user_name   from the request's actor
//   asset.<name> the content-hashed URL of a static asset ("asset.site_css")
//   path, query  the request's path and its search query (for the header's search box)
// Partials: any registered template by its name, e.g. {{> catalog/product_card}}.
class Renderer {
 public:
  // layout: web/templates (layout.html and shared partials, registered as "web/<name>");
  // catalogs: web/i18n/<locale>.toml, flat "key = \"text\"" tables; assets give asset.* URLs.
  Renderer(std::span<const core::EmbeddedFile> layout, std::span<const core::EmbeddedFile> catalogs,
           const http::StaticAssets& assets);
  ~Renderer();

  // Registers a module's templates as "<module>/<file name without .html>".
  void AddTemplates(std::string_view module, std::span<const core::EmbeddedFile> files);

  // Adds a module's message catalogs ("ko.toml", "en.toml"), whose keys live under a table
  // named after the module ([accounts] login_title = "...") and read as t.accounts.login_title.
  void AddMessages(std::span<const core::EmbeddedFile> catalogs);

  // A whole page: template `name` rendered with data (which should carry "title"), in the layout.
  http::Response Page(const http::Request& request, std::string_view name, Data data,
                      http::Status status = http::Status::ok) const;
  // Just the template, no layout (for fragments and tests).
  std::string Fragment(const http::Request& request, std::string_view name, Data data) const;

  // One message of the catalog; the key itself when it is missing. "{0}" style arguments are
  // not supported: compose in the template instead.
  std::string_view Translate(core::Locale locale, std::string_view key) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::html
