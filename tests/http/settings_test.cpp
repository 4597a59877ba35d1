// The operating settings through the real server: an admin's change shows on the next page every
// visitor loads (the cached home page too), and only admins reach the settings.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class SettingsTest : public BlackBoxTest {
 protected:
  boost::json::object Current(HttpClient& admin) {
    HttpResponse response = admin.Get("/api/v1/admin/settings");
    EXPECT_EQ(response.status, 200) << response.body;
    return AsObject(response.Json());
  }

  HttpResponse Put(HttpClient& admin, boost::json::object body) {
    return admin.Send("PUT", "/api/v1/admin/settings", boost::json::serialize(body), "application/json");
  }
};

TEST_F(SettingsTest, TheNameAndNoticeShowOnTheNextPageAndOnlyAdminsChangeThem) {
  HttpClient admin = Client(AdminToken());
  // The home page is cached for visitors: the change must not leave the old copy behind.
  ASSERT_EQ(NewClient().Get("/").status, 200);
  const std::int64_t version = Current(admin).at("version").as_int64();

  HttpClient buyer = Client(NewMember("settings-buyer").token);
  EXPECT_EQ(buyer.Get("/api/v1/admin/settings").status, 403);
  EXPECT_EQ(Put(buyer, {{"version", version}, {"reason", "x"}, {"notice", "가짜 공지"}}).status, 403);
  EXPECT_EQ(NewClient().Get("/api/v1/admin/settings").status, 401);

  HttpResponse changed = Put(admin, {{"version", version},
                                     {"reason", "점검 안내"},
                                     {"marketplace_name", "평양 만물상"},
                                     {"notice", "오늘 밤 점검이 있습니다"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  const std::int64_t changed_version = AsObject(changed.Json()).at("version").as_int64();
  EXPECT_EQ(changed_version, version + 1);
  HttpResponse home = NewClient().Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("오늘 밤 점검이 있습니다"), std::string::npos);
  EXPECT_NE(home.body.find("평양 만물상</title>"), std::string::npos);
  HttpResponse english = NewClient().Get("/search?q=test&lang=en");
  EXPECT_NE(english.body.find("평양 만물상"), std::string::npos);

  // A stale version changes nothing.
  HttpResponse stale = Put(admin, {{"version", version}, {"reason", "되돌리기"}, {"notice", ""}});
  EXPECT_EQ(stale.status, 409) << stale.body;

  // Back to the defaults, so the other scenarios see the marketplace as it was.
  ASSERT_EQ(
      Put(admin, {{"version", changed_version}, {"reason", "점검 끝"}, {"marketplace_name", "만물상"}, {"notice", ""}})
          .status,
      200);
  home = NewClient().Get("/");
  EXPECT_EQ(home.body.find("오늘 밤 점검이 있습니다"), std::string::npos);
  EXPECT_NE(home.body.find("만물상</title>"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::testing
