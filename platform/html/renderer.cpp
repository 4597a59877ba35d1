#include "manmulsang/html/renderer.hpp"

#include <array>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "manmulsang/core/grouped_number.hpp"
#include "message_catalog.hpp"
#include "template_source.hpp"

namespace manmulsang::html {
namespace {

using Template = kainjow::mustache::mustache;
using RenderContext = kainjow::mustache::context<std::string>;

constexpr std::array kLocales = {core::Locale::ko, core::Locale::en};
constexpr std::string_view kLayoutModule = "web";
constexpr std::string_view kLayoutTemplate = "web/layout";
constexpr std::string_view kNotFoundTemplate = "web/not_found";
constexpr std::string_view kErrorTemplate = "web/error";

std::size_t LocaleIndex(core::Locale locale) { return locale == core::Locale::en ? 1 : 0; }

std::string_view FileStem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(0, dot);
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// This page's address with ?lang= replaced, for the language switch. The path is taken raw from
// the request target but only when it is a plain local path: "//host" or "/\host" would make the
// switch a link to another site.
std::string LanguageUrl(const http::Request& request, std::string_view code) {
  std::string_view path = request.target().substr(0, request.target().find('?'));
  if (path.empty() || path[0] != '/' || (path.size() > 1 && (path[1] == '/' || path[1] == '\\'))) path = "/";
  std::string url(path);
  // The other query fields are kept (a search stays a search in the other language) unless
  // they are too long to be worth repeating twice in every page.
  constexpr std::size_t kLongestKeptQuery = 256;
  std::string kept_query;
  for (const auto& [name, value] : request.query().fields()) {
    if (name == "lang") continue;
    kept_query += http::PercentEncode(name);
    kept_query += '=';
    kept_query += http::PercentEncode(value);
    kept_query += '&';
  }
  url += '?';
  if (kept_query.size() <= kLongestKeptQuery) url += kept_query;
  url += "lang=";
  url += code;
  return url;
}

Data RequestData(const http::Request& request) {
  const core::Actor& actor = request.context().actor;
  Data data;
  data.set("csrf", request.csrf_token());
  data.set("signed_in", actor.signed_in());
  data.set("is_seller", actor.is(core::Role::seller));
  data.set("is_admin", actor.is(core::Role::admin));
  data.set("user_name", actor.display_name);
  data.set("path", std::string(request.path()));
  data.set("query", std::string(request.Query("q").value_or("")));
  data.set("lang_url_ko", LanguageUrl(request, "ko"));
  data.set("lang_url_en", LanguageUrl(request, "en"));
  return data;
}

Data HeaderData(const core::Actor& actor, const std::vector<Renderer::HeaderCountsSource>& sources) {
  Renderer::HeaderCounts counts;
  for (const Renderer::HeaderCountsSource& source : sources) source(actor, counts);
  Data header;
  header.set("unread_notifications", core::FormatCount(counts.unread_notifications));
  header.set("has_unread_notifications", counts.unread_notifications > 0);
  header.set("messages_linked", counts.messages_linked);
  header.set("unread_messages", core::FormatCount(counts.unread_messages));
  header.set("has_unread_messages", counts.unread_messages > 0);
  return header;
}

// The path of a Referer that points into this site ("http://host/cart?x" → "/cart?x"), for the
// error page's back link; empty for another site or anything odd.
std::string LocalReferer(const http::Request& request) {
  const std::string_view referer = request.Header("Referer");
  const std::string_view host = request.Header("Host");
  if (host.empty()) return {};
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (!referer.starts_with(scheme)) continue;
    std::string_view rest = referer.substr(scheme.size());
    if (!rest.starts_with(host)) return {};
    rest.remove_prefix(host.size());
    if (rest.empty()) return "/";
    if (rest[0] != '/' || rest.starts_with("//") || rest.starts_with("/\\")) return {};
    return std::string(rest);
  }
  return {};
}

}  // namespace

struct Renderer::Impl {
  std::map<std::string, std::string, std::less<>> sources;
  // Parsed once, with partials inlined; unique_ptr because kainjow templates do not move.
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates;
  MessageCatalog messages;
  Data assets;
  // Per locale, what never changes between requests: t, lang, asset. Pushed onto each render's
  // context by pointer so that nothing of it is copied per request.
  std::array<Data, kLocales.size()> locale_data;
  LayoutData layout_data;
  std::vector<HeaderCountsSource> header_counts;

  void Compile() {
    std::map<std::string, std::unique_ptr<Template>, std::less<>> compiled;
    for (const auto& [name, source] : sources) {
      auto parsed = std::make_unique<Template>(InlinePartials(name, source, sources));
      if (!parsed->is_valid()) {
        throw std::runtime_error("template " + name + ": " + parsed->error_message());
      }
      compiled.emplace(name, std::move(parsed));
    }
    templates = std::move(compiled);
  }

  void BuildLocaleData() {
    for (const core::Locale locale : kLocales) {
      Data data;
      data.set("t", messages.Tree(locale));
      data.set("lang", std::string(core::LocaleCode(locale)));
      data.set("is_ko", locale == core::Locale::ko);
      data.set("is_en", locale == core::Locale::en);
      data.set("asset", assets);
      locale_data[LocaleIndex(locale)] = std::move(data);
    }
  }

  void AddSources(std::string_view module, std::span<const core::EmbeddedFile> files) {
    for (const core::EmbeddedFile& file : files) {
      if (!EndsWith(file.path, ".html")) continue;
      std::string name(module);
      name += '/';
      name += FileStem(file.path);
      sources.insert_or_assign(std::move(name), std::string(file.content));
    }
  }

  Template& Find(std::string_view name) const {
    const auto found = templates.find(name);
    if (found == templates.end()) throw std::out_of_range("no template named " + std::string(name));
    return *found->second;
  }

  // Every render walks the same stack, innermost first: handler data, request data, locale data.
  std::string Render(Template& page, RenderContext& context) const {
    std::ostringstream out;
    page.render(context, out);
    return std::move(out).str();
  }
};

Renderer::Renderer(std::span<const core::EmbeddedFile> layout, std::span<const core::EmbeddedFile> catalogs,
                   const http::StaticAssets& assets)
    : impl_(std::make_unique<Impl>()) {
  for (const auto& [name, url] : assets.Urls()) impl_->assets.set(name, url);
  impl_->messages.Load(catalogs);
  impl_->AddSources(kLayoutModule, layout);
  impl_->Compile();
  impl_->BuildLocaleData();
}

Renderer::~Renderer() = default;

void Renderer::AddTemplates(std::string_view module, std::span<const core::EmbeddedFile> files) {
  impl_->AddSources(module, files);
  // A template may use a partial registered later, so everything is compiled again; this is
  // start-up work, a few milliseconds.
  impl_->Compile();
}

void Renderer::AddMessages(std::span<const core::EmbeddedFile> catalogs) {
  impl_->messages.Load(catalogs);
  impl_->BuildLocaleData();
}

void Renderer::SetLayoutData(LayoutData layout_data) { impl_->layout_data = std::move(layout_data); }

void Renderer::AddHeaderCounts(HeaderCountsSource source) { impl_->header_counts.push_back(std::move(source)); }

http::Response Renderer::Page(const http::Request& request, std::string_view name, Data data,
                              http::Status status) const {
  Template& page = impl_->Find(name);
  Template& layout = impl_->Find(kLayoutTemplate);
  Data request_data = RequestData(request);
  if (impl_->layout_data) impl_->layout_data(request, request_data);
  if (request.context().actor.signed_in() && !impl_->header_counts.empty()) {
    request_data.set("header", HeaderData(request.context().actor, impl_->header_counts));
  }
  RenderContext context(&impl_->locale_data[LocaleIndex(request.context().locale)]);
  context.push(&request_data);
  context.push(&data);
  Data content;
  content.set("content", impl_->Render(page, context));
  context.push(&content);
  return http::Response(status, "text/html; charset=utf-8", impl_->Render(layout, context));
}

http::Response Renderer::NotFound(const http::Request& request) const {
  Data data;
  data.set("title", std::string(Translate(request.context().locale, "not_found.title")));
  http::Response response = Page(request, kNotFoundTemplate, std::move(data), http::Status::not_found);
  return response;
}

http::Response Renderer::ErrorPage(const http::Request& request, http::Status status, std::string_view message) const {
  Data data;
  data.set("title", std::string(Translate(request.context().locale, "error.title")));
  data.set("message", std::string(message));
  const std::string back = LocalReferer(request);
  // false, not a missing key: {{#back_url}} must not find a back_url of an outer scope.
  data.set("back_url", back.empty() ? Data(false) : Data(back));
  return Page(request, kErrorTemplate, std::move(data), status);
}

std::string Renderer::Fragment(const http::Request& request, std::string_view name, Data data) const {
  Template& fragment = impl_->Find(name);
  const Data request_data = RequestData(request);
  RenderContext context(&impl_->locale_data[LocaleIndex(request.context().locale)]);
  context.push(&request_data);
  context.push(&data);
  return impl_->Render(fragment, context);
}

std::string_view Renderer::Translate(core::Locale locale, std::string_view key) const {
  return impl_->messages.Find(locale, key).value_or(key);
}

}  // namespace manmulsang::html
