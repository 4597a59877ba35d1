#pragma once

#include <cstdint>
#include <functional>
#include <kainjow/mustache.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/html/escape.hpp"
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
//   lang         "ko" | "en"; is_ko, is_en booleans;  csrf  the request's CSRF token (forms carry it as _csrf)
//   signed_in, is_seller, is_admin, user_name   from the request's actor
//   asset.<name> the content-hashed URL of a static asset ("asset.site_css")
//   path, query  the request's path and its search query (for the header's search box)
//   lang_url_ko, lang_url_en   this page's URL with ?lang= set (the language switch)
//   title        from the handler's data; the layout puts it in <title> before the site name
//   notice       optional, from the handler's data: a one-line status message above the content
//   site_name, site_banner   optional, from SetLayoutData: the marketplace's name (the catalogs'
//                site_name when absent) and a banner shown on every page
//   header.*     signed-in pages only, from AddHeaderCounts: unread_notifications, unread_messages
//                (grouped numbers), has_unread_notifications, has_unread_messages, messages_linked
// Partials: any registered template by its name, e.g. {{> catalog/product_card}}. Partials are
// inlined when templates are registered (so each page parses nothing per request); a partial
// that is never registered renders as nothing. Names are looked up innermost first, and dotted
// names walk objects ({{t.nav.home}}), so keys must not themselves contain dots.
//
// Registration (constructor, AddTemplates, AddMessages) happens at start-up, before serving;
// afterwards the renderer is read-only and shared by all I/O threads.
class Renderer {
 public:
  // layout: web/templates (layout.html and shared partials, registered as "web/<name>");
  // catalogs: web/i18n/<locale>.toml, flat "key = \"text\"" tables; assets give asset.* URLs.
  Renderer(std::span<const core::EmbeddedFile> layout, std::span<const core::EmbeddedFile> catalogs,
           const http::StaticAssets& assets);
  ~Renderer();

  // Registers a module's templates as "<module>/<file name without .html>". A template that does
  // not parse throws std::runtime_error naming it: a broken template must stop the start-up.
  void AddTemplates(std::string_view module, std::span<const core::EmbeddedFile> files);

  // Adds a module's message catalogs ("ko.toml", "en.toml"), whose keys live under a table
  // named after the module ([accounts] login_title = "...") and read as t.accounts.login_title.
  void AddMessages(std::span<const core::EmbeddedFile> catalogs);

  // Adds what every page's layout shows beyond the request (site_name, site_banner), asked for
  // at every Page: values an operator changes while the server runs, which the app reads from
  // its store (the platform knows no module). Set once at start-up, like the templates.
  using LayoutData = std::function<void(const http::Request&, Data&)>;
  void SetLayoutData(LayoutData layout_data);

  // What the header counts for the signed-in member beside its links: the bell's unread
  // notifications and, once a module links /messages, the unread messages. Each module the app
  // wires fills its own fields, one cheap indexed read each; asked only for a signed-in member's
  // page, so anonymous pages (and the page cache, which holds only those) never ask.
  struct HeaderCounts {
    std::int64_t unread_notifications = 0;
    bool messages_linked = false;  // true once a source serves /messages: the header shows "쪽지 N"
    std::int64_t unread_messages = 0;
  };
  using HeaderCountsSource = std::function<void(const core::Actor&, HeaderCounts&)>;
  // At start-up, like the templates.
  void AddHeaderCounts(HeaderCountsSource source);

  // A whole page: template `name` rendered with data (which should carry "title"), in the layout.
  // Content-Type text/html; charset=utf-8. An unknown name throws std::out_of_range.
  http::Response Page(const http::Request& request, std::string_view name, Data data,
                      http::Status status = http::Status::ok) const;
  // The shared 404 page (web/not_found.html) with the search box, status 404.
  http::Response NotFound(const http::Request& request) const;
  // The shared error page (web/error.html): message (already translated) and a link back to the
  // referring page of this site when there is one.
  http::Response ErrorPage(const http::Request& request, http::Status status, std::string_view message) const;

  // Just the template, no layout (for fragments and tests).
  std::string Fragment(const http::Request& request, std::string_view name, Data data) const;

  // One message of the catalog ("nav.home", "accounts.login_title"); a key missing from the
  // locale falls back to the other locale's text, then to the key itself. "{0}" style arguments are
  // not supported: compose in the template instead.
  std::string_view Translate(core::Locale locale, std::string_view key) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::html
