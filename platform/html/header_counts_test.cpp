// The header's counts (Renderer::AddHeaderCounts): asked for a signed-in member's page only, so an
// anonymous page (and the page cache, which holds only those) never reads the store for them;
// the messages link shows only once a source says it is wired.
#include <gtest/gtest.h>

#include <string>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/html/renderer.hpp"

namespace manmulsang::html {
namespace {

http::Request MakeRequest(std::optional<core::UserId> user) {
  http::BeastRequest message{http::Method::get, "/", 11};
  message.set(boost::beast::http::field::host, "shop.intranet");
  http::Request request(std::move(message), "127.0.0.1", "test");
  if (user) request.context().actor = {*user, core::Role::buyer, "회원"};
  return request;
}

class HeaderCountsTest : public testing::Test {
 protected:
  HeaderCountsTest() {
    const core::EmbeddedFile page[] = {{"page.html", "<p>page</p>"}};
    renderer_.AddTemplates("test", page);
  }

  std::string Render(std::optional<core::UserId> user) {
    Data data;
    data.set("title", "page");
    return renderer_.Page(MakeRequest(user), "test/page", std::move(data)).body;
  }

  http::StaticAssets assets_{embedded::web_static()};
  Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
};

TEST_F(HeaderCountsTest, TheBellCountsForASignedInMemberOnly) {
  int asked = 0;
  renderer_.AddHeaderCounts([&](const core::Actor& actor, Renderer::HeaderCounts& counts) {
    ++asked;
    counts.unread_notifications = actor.user->value == 7 ? 1234 : 0;
  });

  const std::string anonymous = Render(std::nullopt);
  EXPECT_EQ(asked, 0);
  EXPECT_EQ(anonymous.find("bell-link"), std::string::npos);

  const std::string counted = Render(core::UserId{7});
  EXPECT_EQ(asked, 1);
  EXPECT_NE(counted.find("href=\"/notifications\">알림 <span class=\"badge\">1,234<"), std::string::npos);
  EXPECT_EQ(counted.find("href=\"/messages\""), std::string::npos);  // no messages source wired

  const std::string none = Render(core::UserId{8});
  EXPECT_NE(none.find("href=\"/notifications\">알림</a>"), std::string::npos);
}

TEST_F(HeaderCountsTest, EachSourceFillsItsOwnFields) {
  renderer_.AddHeaderCounts(
      [](const core::Actor&, Renderer::HeaderCounts& counts) { counts.unread_notifications = 2; });
  renderer_.AddHeaderCounts([](const core::Actor&, Renderer::HeaderCounts& counts) {
    counts.messages_linked = true;
    counts.unread_messages = 3;
  });
  const std::string page = Render(core::UserId{7});
  EXPECT_NE(page.find("<span class=\"badge\">2<"), std::string::npos);
  EXPECT_NE(page.find("href=\"/messages\">쪽지 <span class=\"badge\">3<"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::html
