#include <gtest/gtest.h>

#include <toml++/toml.h>

#include <algorithm>
#include <boost/beast/http/field.hpp>
#include <filesystem>
#include <functional>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/html/date_text.hpp"
#include "manmulsang/html/escape.hpp"
#include "manmulsang/html/locale.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/html/product_card.hpp"
#include "manmulsang/html/renderer.hpp"

namespace manmulsang::html {
namespace {

namespace beast_http = boost::beast::http;

http::Request MakeRequest(std::string target, std::vector<std::pair<beast_http::field, std::string>> headers = {}) {
  http::BeastRequest message{http::Method::get, target, 11};
  message.set(beast_http::field::host, "shop.intranet");
  for (const auto& [field, value] : headers) message.set(field, value);
  return http::Request(std::move(message), "127.0.0.1", "test");
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

class RendererTest : public testing::Test {
 protected:
  http::StaticAssets assets_{embedded::web_static()};
  Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
};

TEST(EscapeHtml, HostileValues) {
  EXPECT_EQ(EscapeHtml("<script>alert(\"x\")</script>"), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  EXPECT_EQ(EscapeHtml("' onmouseover='x"), "&#39; onmouseover=&#39;x");
  EXPECT_EQ(EscapeHtml("a & b"), "a &amp; b");
  EXPECT_EQ(EscapeHtml("만물상"), "만물상");
  EXPECT_EQ(EscapeHtml(""), "");
}

TEST_F(RendererTest, TemplatesEscapeHostileValues) {
  const core::EmbeddedFile files[] = {{"show.html", "<p title=\"{{value}}\">{{value}}</p><i>{{{trusted}}}</i>"}};
  renderer_.AddTemplates("test", files);
  Data data;
  data.set("value", "<script>alert('x')</script>\"><img src=x onerror=alert(1)>");
  data.set("trusted", "<b>ours</b>");
  http::Request request = MakeRequest("/");
  const std::string html = renderer_.Fragment(request, "test/show", data);
  EXPECT_FALSE(Contains(html, "<script>"));
  EXPECT_FALSE(Contains(html, "<img"));
  EXPECT_FALSE(Contains(html, "\"><"));
  EXPECT_TRUE(Contains(html, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&quot;&gt;&lt;img"));
  EXPECT_TRUE(Contains(html, "<i><b>ours</b></i>"));
}

TEST_F(RendererTest, PartialsAreInlinedEvenWhenRegisteredLater) {
  const core::EmbeddedFile list[] = {{"list.html", "{{#items}}{{> shop/item}}{{/items}}|{{>  shop/missing }}|"}};
  const core::EmbeddedFile item[] = {{"item.html", "[{{name}}:{{t.nav.home}}]"}};
  renderer_.AddTemplates("catalog", list);
  renderer_.AddTemplates("shop", item);
  Data data;
  List items;
  for (const char* name : {"가", "<b>"}) {
    Data entry;
    entry.set("name", name);
    items.push_back(entry);
  }
  data.set("items", items);
  http::Request request = MakeRequest("/");
  EXPECT_EQ(renderer_.Fragment(request, "catalog/list", data), "[가:홈][&lt;b&gt;:홈]||");
}

TEST_F(RendererTest, BrokenAndRecursiveTemplatesFailAtRegistration) {
  const core::EmbeddedFile broken[] = {{"broken.html", "{{#open}}never closed"}};
  EXPECT_THROW(renderer_.AddTemplates("bad", broken), std::runtime_error);
  Renderer fresh(embedded::web_templates(), embedded::web_i18n(), assets_);
  const core::EmbeddedFile recursive[] = {{"loop.html", "x{{> loop/loop}}"}};
  EXPECT_THROW(fresh.AddTemplates("loop", recursive), std::runtime_error);
}

TEST_F(RendererTest, UnknownTemplateThrows) {
  http::Request request = MakeRequest("/");
  EXPECT_THROW(renderer_.Fragment(request, "nobody/nothing", Data{}), std::out_of_range);
}

TEST_F(RendererTest, TranslateWithModuleMessagesAndFallback) {
  const core::EmbeddedFile catalogs[] = {
      {"ko.toml", "[accounts]\nlogin_title = \"로그인\"\nonly_korean = \"한국어만\"\n"},
      {"en.toml", "[accounts]\nlogin_title = \"Log in\"\n"},
  };
  renderer_.AddMessages(catalogs);
  EXPECT_EQ(renderer_.Translate(core::Locale::ko, "site_name"), "만물상");
  EXPECT_EQ(renderer_.Translate(core::Locale::en, "site_name"), "Manmulsang");
  EXPECT_EQ(renderer_.Translate(core::Locale::en, "accounts.login_title"), "Log in");
  EXPECT_EQ(renderer_.Translate(core::Locale::en, "accounts.only_korean"), "한국어만");
  EXPECT_EQ(renderer_.Translate(core::Locale::ko, "no.such.key"), "no.such.key");

  const core::EmbeddedFile files[] = {
      {"t.html", "{{t.accounts.login_title}}/{{t.accounts.only_korean}}/{{t.no_such_key}}."}};
  renderer_.AddTemplates("test", files);
  http::Request request = MakeRequest("/");
  request.context().locale = core::Locale::en;
  EXPECT_EQ(renderer_.Fragment(request, "test/t", Data{}), "Log in/한국어만/.");
}

TEST_F(RendererTest, BadCatalogsFailAtRegistration) {
  const core::EmbeddedFile malformed[] = {{"ko.toml", "key = \"unterminated\n"}};
  EXPECT_THROW(renderer_.AddMessages(malformed), std::runtime_error);
  const core::EmbeddedFile not_text[] = {{"en.toml", "[orders]\ncount = 3\n"}};
  EXPECT_THROW(renderer_.AddMessages(not_text), std::runtime_error);
}

// Every message catalog of the source tree (web/, each module's and platform part's i18n/) has
// the same keys in Korean and in English, both ways: a key one language lacks would show the
// other language's text (or, where neither has it, the bare key) to some visitors.
std::set<std::string> CatalogKeys(const std::filesystem::path& file) {
  std::set<std::string> keys;
  const std::function<void(const toml::table&, const std::string&)> collect = [&](const toml::table& table,
                                                                                  const std::string& prefix) {
    for (const auto& [name, node] : table) {
      const std::string key = prefix + std::string(name.str());
      if (const toml::table* inner = node.as_table()) {
        collect(*inner, key + ".");
      } else {
        EXPECT_TRUE(node.is_string()) << file << ": " << key << " is not text";
        keys.insert(key);
      }
    }
  };
  collect(toml::parse_file(file.string()), "");
  return keys;
}

TEST(MessageCatalogs, KoreanAndEnglishHaveTheSameKeysEverywhere) {
  namespace fs = std::filesystem;
  const fs::path source(MANMULSANG_SOURCE_DIR);
  std::set<fs::path> folders;
  for (const char* top : {"app", "modules", "platform", "web"}) {
    if (!fs::exists(source / top)) continue;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(source / top)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && (name == "ko.toml" || name == "en.toml") &&
          entry.path().parent_path().filename() == "i18n") {
        folders.insert(entry.path().parent_path());
      }
    }
  }
  EXPECT_TRUE(folders.contains(source / "web" / "i18n"));
  EXPECT_GE(folders.size(), 5u) << "the modules' catalogs were not found under " << source;
  for (const fs::path& folder : folders) {
    const std::string where = fs::relative(folder, source).string();
    ASSERT_TRUE(fs::exists(folder / "ko.toml")) << where << " has no ko.toml";
    ASSERT_TRUE(fs::exists(folder / "en.toml")) << where << " has no en.toml";
    const std::set<std::string> korean = CatalogKeys(folder / "ko.toml");
    const std::set<std::string> english = CatalogKeys(folder / "en.toml");
    EXPECT_FALSE(korean.empty()) << where;
    std::vector<std::string> only_korean;
    std::vector<std::string> only_english;
    std::ranges::set_difference(korean, english, std::back_inserter(only_korean));
    std::ranges::set_difference(english, korean, std::back_inserter(only_english));
    EXPECT_EQ(only_korean, std::vector<std::string>{}) << where << ": keys in ko.toml missing from en.toml";
    EXPECT_EQ(only_english, std::vector<std::string>{}) << where << ": keys in en.toml missing from ko.toml";
  }
}

// The shared catalogs the layout uses are loaded into the renderer, and differ by language.
TEST_F(RendererTest, SharedCatalogsAreLoadedInBothLanguages) {
  for (const char* key : {"site_name", "nav.login", "nav.logout", "nav.register", "search_box.placeholder",
                          "not_found.heading", "error.generic", "footer.copyright", "common.save"}) {
    EXPECT_NE(renderer_.Translate(core::Locale::ko, key), key);
    EXPECT_NE(renderer_.Translate(core::Locale::en, key), key);
    EXPECT_NE(renderer_.Translate(core::Locale::ko, key), renderer_.Translate(core::Locale::en, key)) << key;
  }
}

TEST_F(RendererTest, PageHasLayoutWithSearchFormAndEscapedQuery) {
  const core::EmbeddedFile files[] = {{"results.html", "<h1>{{title}}</h1>"}};
  renderer_.AddTemplates("search", files);
  http::Request request = MakeRequest("/search?q=%22%3E%3Cscript%3Ex%3C/script%3E");
  Data data;
  data.set("title", "결과");
  const http::Response response = renderer_.Page(request, "search/results", data);
  EXPECT_EQ(response.status, http::Status::ok);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  const std::string& html = response.body;
  EXPECT_TRUE(html.starts_with("<!doctype html>"));
  EXPECT_TRUE(Contains(html, "<html lang=\"ko\">"));
  EXPECT_TRUE(Contains(html, "<title>결과 - 만물상</title>"));
  EXPECT_TRUE(Contains(html, "action=\"/search\" method=\"get\""));
  EXPECT_TRUE(Contains(html, "name=\"q\" value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
  EXPECT_FALSE(Contains(html, "<script>x"));
  EXPECT_TRUE(Contains(html, "<h1>결과</h1>"));
  EXPECT_TRUE(Contains(html, "href=\"/login\""));
  EXPECT_FALSE(Contains(html, "action=\"/logout\""));
  EXPECT_TRUE(Contains(html, "href=\"/assets/site."));
  EXPECT_TRUE(Contains(html, "(c) 만물상"));
  EXPECT_FALSE(Contains(html, "{{"));
}

TEST_F(RendererTest, PageForSignedInSellerHasLogoutFormAndSellerLink) {
  const core::EmbeddedFile files[] = {{"home.html", "home"}};
  renderer_.AddTemplates("storefront", files);
  http::Request request = MakeRequest("/");
  request.context().actor = core::Actor{core::UserId{7}, core::Role::seller, "김<상인>"};
  request.context().locale = core::Locale::en;
  request.csrf_token() = "token-123";
  const std::string html = renderer_.Page(request, "storefront/home", Data{}).body;
  EXPECT_TRUE(Contains(html, "<html lang=\"en\">"));
  EXPECT_TRUE(Contains(html, "김&lt;상인&gt;"));
  EXPECT_TRUE(Contains(html, "action=\"/logout\" method=\"post\""));
  EXPECT_TRUE(Contains(html, "name=\"_csrf\" value=\"token-123\""));
  EXPECT_TRUE(Contains(html, "href=\"/seller\""));
  EXPECT_FALSE(Contains(html, "href=\"/admin\""));
  EXPECT_FALSE(Contains(html, "href=\"/login\""));
  EXPECT_TRUE(Contains(html, "<title>Manmulsang</title>"));
}

TEST_F(RendererTest, LanguageSwitchKeepsTheQuery) {
  const core::EmbeddedFile files[] = {{"page.html", "{{lang_url_ko}} {{lang_url_en}}"}};
  renderer_.AddTemplates("test", files);
  http::Request request = MakeRequest("/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&lang=ko&page=2");
  EXPECT_EQ(renderer_.Fragment(request, "test/page", Data{}),
            "/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&amp;page=2&amp;lang=ko "
            "/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&amp;page=2&amp;lang=en");
  http::Request sneaky = MakeRequest("//evil.example/x");
  EXPECT_EQ(renderer_.Fragment(sneaky, "test/page", Data{}), "/?lang=ko /?lang=en");
  http::Request long_query = MakeRequest("/c/food?x=" + std::string(3000, 'a'));
  EXPECT_EQ(renderer_.Fragment(long_query, "test/page", Data{}), "/c/food?lang=ko /c/food?lang=en");
}

TEST_F(RendererTest, NotFoundAndErrorPages) {
  http::Request request = MakeRequest("/nowhere");
  const http::Response missing = renderer_.NotFound(request);
  EXPECT_EQ(missing.status, http::Status::not_found);
  EXPECT_TRUE(Contains(missing.body, "찾으시는 페이지가 없습니다"));
  EXPECT_TRUE(Contains(missing.body, "id=\"not-found-search\""));
  EXPECT_TRUE(Contains(missing.body, "href=\"/\""));

  http::Request local = MakeRequest("/cart", {{beast_http::field::referer, "http://shop.intranet/p/3?x=1"}});
  const http::Response error = renderer_.ErrorPage(local, http::Status::conflict, "<재고 부족>");
  EXPECT_EQ(error.status, http::Status::conflict);
  EXPECT_TRUE(Contains(error.body, "&lt;재고 부족&gt;"));
  EXPECT_TRUE(Contains(error.body, "href=\"/p/3?x=1\""));

  http::Request foreign = MakeRequest("/cart", {{beast_http::field::referer, "http://shop.intranet.evil/p/3"}});
  EXPECT_FALSE(Contains(renderer_.ErrorPage(foreign, http::Status::bad_request, "x").body, "evil"));
}

TEST_F(RendererTest, ProductCardFieldsAndNoLeakFromOuterScope) {
  const core::EmbeddedFile files[] = {{"list.html", "{{#cards}}{{> web/product_card}}{{/cards}}"}};
  renderer_.AddTemplates("test", files);
  ProductCard rated{core::ProductId{42},
                    "노트북 <프로>",
                    core::Money{1250000, core::Currency::kpw},
                    "평양상점",
                    "/media/42.jpg",
                    4.46,
                    12,
                    false};
  ProductCard plain{
      core::ProductId{43}, "태양광 판넬", core::Money{99000, core::Currency::kpw}, "해빛", "", 0, 0, true};
  Data data;
  List cards;
  cards.push_back(CardData(rated, core::Locale::ko));
  cards.push_back(CardData(plain, core::Locale::ko));
  data.set("cards", cards);
  data.set("rating", "9.9");  // the page's own product rating must not appear on a card
  data.set("image_url", "/outer.jpg");
  http::Request request = MakeRequest("/");
  const std::string html = renderer_.Fragment(request, "test/list", data);
  EXPECT_TRUE(Contains(html, "href=\"/p/42\""));
  EXPECT_TRUE(Contains(html, "노트북 &lt;프로&gt;"));
  EXPECT_TRUE(Contains(html, "1,250,000"));
  EXPECT_TRUE(Contains(html, "평양상점"));
  EXPECT_TRUE(Contains(html, "src=\"/media/42.jpg\""));
  EXPECT_TRUE(Contains(html, "stars stars-4"));
  EXPECT_TRUE(Contains(html, " 4.5"));
  EXPECT_TRUE(Contains(html, "(12)"));
  EXPECT_TRUE(Contains(html, "href=\"/p/43\""));
  EXPECT_TRUE(Contains(html, "사진 없음"));
  EXPECT_TRUE(Contains(html, "품절"));
  EXPECT_FALSE(Contains(html, "9.9"));
  EXPECT_FALSE(Contains(html, "/outer.jpg"));
}

// The middleware with a handler that reports the chosen locale.
struct LocaleRun {
  std::string locale;
  http::Response response;
};

LocaleRun RunLocale(std::string target, std::vector<std::pair<beast_http::field, std::string>> headers = {}) {
  http::Request request = MakeRequest(std::move(target), std::move(headers));
  const http::Middleware middleware = LocaleSelection();
  std::string chosen;
  http::Response response = middleware(request, [&](http::Request& inner) {
    chosen = core::LocaleCode(inner.context().locale);
    return http::Response::Text("ok");
  });
  return {chosen, std::move(response)};
}

bool SetsLocaleCookie(const http::Response& response, std::string_view code) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie" && value.starts_with("mm_lang=" + std::string(code))) {
      return Contains(value, "Max-Age=31536000");
    }
  }
  return false;
}

// Pages show the marketplace's time (UTC+9) to the minute: 15:30 UTC is 00:30 the next day.
TEST(DateTimeText, MarketplaceLocalTimeToTheMinute) {
  EXPECT_EQ(DateTimeText(core::FromUnixSeconds(1'795'707'059)), "2026-11-27 00:30");  // 2026-11-26T15:30:59Z
  EXPECT_EQ(DateTimeText(core::FromUnixSeconds(1'795'676'400)), "2026-11-26 16:00");  // 2026-11-26T07:00:00Z
}

// The pager links: previous from page 2 on, next while items follow this page.
TEST(PageNumbers, PreviousAndNextOnlyWhereThereIsAPage) {
  const auto text = [](const Data& data, const char* name) {
    const Data* value = data.get(name);
    return value == nullptr ? std::string("(none)") : value->string_value();
  };
  Data first;
  SetPageNumbers(first, 1, 20, 21);
  EXPECT_EQ(text(first, "previous_page"), "(none)");
  EXPECT_EQ(text(first, "next_page"), "2");
  Data last;
  SetPageNumbers(last, 2, 20, 40);
  EXPECT_EQ(text(last, "previous_page"), "1");
  EXPECT_EQ(text(last, "next_page"), "(none)");
  Data empty;
  SetPageNumbers(empty, 1, 20, 0);
  EXPECT_EQ(text(empty, "previous_page"), "(none)");
  EXPECT_EQ(text(empty, "next_page"), "(none)");
}

TEST(LocaleSelection, Precedence) {
  EXPECT_EQ(RunLocale("/").locale, "ko");
  EXPECT_EQ(RunLocale("/", {{beast_http::field::accept_language, "en-US,en;q=0.9"}}).locale, "en");
  EXPECT_EQ(RunLocale("/", {{beast_http::field::accept_language, "en-US,en;q=0.9"},
                            {beast_http::field::cookie, "a=b; mm_lang=ko"}})
                .locale,
            "ko");
  const LocaleRun explicit_choice =
      RunLocale("/?lang=en", {{beast_http::field::cookie, "mm_lang=ko"}, {beast_http::field::accept_language, "ko"}});
  EXPECT_EQ(explicit_choice.locale, "en");
  EXPECT_TRUE(SetsLocaleCookie(explicit_choice.response, "en"));
  EXPECT_FALSE(explicit_choice.response.cacheable);

  const LocaleRun bogus =
      RunLocale("/?lang=fr", {{beast_http::field::cookie, "mm_lang=xx"}, {beast_http::field::accept_language, "en"}});
  EXPECT_EQ(bogus.locale, "en");
  EXPECT_FALSE(SetsLocaleCookie(bogus.response, "en"));
  EXPECT_FALSE(SetsLocaleCookie(RunLocale("/").response, "ko"));
  // Choosing what the cookie already says sets nothing new.
  EXPECT_FALSE(SetsLocaleCookie(RunLocale("/?lang=ko", {{beast_http::field::cookie, "mm_lang=ko"}}).response, "ko"));
}

TEST(LocaleSelection, AcceptLanguageTable) {
  const std::vector<std::pair<std::string_view, std::optional<core::Locale>>> cases = {
      {"", std::nullopt},
      {"fr-FR, de", std::nullopt},
      {"ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", core::Locale::ko},
      {"en-US,en;q=0.9,ko;q=0.8", core::Locale::en},
      {"fr;q=1, en;q=0.5, ko;q=0.6", core::Locale::ko},
      {"ko;q=0, en;q=0.1", core::Locale::en},
      {"ko;q=0", std::nullopt},
      {"EN", core::Locale::en},
      {"en;q=abc, ko;q=0.9", core::Locale::en},  // a malformed q counts as 1
      {"ko, en", core::Locale::ko},              // a tie keeps the first
      {"*", std::nullopt},
      {",,;;q=,", std::nullopt},
  };
  for (const auto& [header, expected] : cases) {
    EXPECT_EQ(PreferredLocale(header), expected) << header;
  }
}

}  // namespace
}  // namespace manmulsang::html
