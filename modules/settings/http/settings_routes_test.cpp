#include <gtest/gtest.h>

#include "manmulsang/settings/http/settings_routes.hpp"
#include "marketplace_test_fixture.hpp"
#include "route_test_fixture.hpp"

namespace manmulsang::settings {
namespace {

class SettingsRoutesTest : public testing::MarketplaceTestFixture, public testing::RouteTestFixture {
 protected:
  SettingsRoutesTest() { AddSettingsRoutes(router_, renderer_, {settings_, page_cache_}); }

  static bool Contains(const http::Response& response, std::string_view text) {
    return response.body.find(text) != std::string::npos;
  }
  static std::string Header(const http::Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
      if (header == name) return value;
    }
    return {};
  }
  http::Response Put(std::string body, std::string_view who = kAdminWho) {
    return Send(http::Method::put, "/api/v1/admin/settings", std::move(body), who);
  }
  // The form as the page fills it, with changes over it.
  Headers Form(const Headers& changes) {
    Headers fields = {{"version", "0"},
                      {"platform_fee_basis_points", "300"},
                      {"bank_transfer_deadline_hours", "72"},
                      {"auto_confirm_days", "7"},
                      {"auto_deliver_days", "14"},
                      {"credit_second_approval_above", "1000000"},
                      {"carriers", "조선우편\r\n평양특급\r\n대동강택배\r\n만물상 배송\r\n직접 배달\r\n"},
                      {"marketplace_name", "만물상"},
                      {"notice", ""},
                      {"reason", "운영 변경"}};
    for (const auto& [name, value] : changes) {
      bool replaced = false;
      for (auto& field : fields) {
        if (field.first == name) {
          field.second = value;
          replaced = true;
        }
      }
      if (!replaced) fields.emplace_back(name, value);
    }
    return fields;
  }

  static constexpr std::string_view kAdminWho = "1:admin";
  http::PageCache page_cache_{clock_};
};

TEST_F(SettingsRoutesTest, OnlyAdminsReachThePageAndTheApi) {
  for (std::string_view who : {"5:buyer", "6:seller"}) {
    EXPECT_EQ(Get("/admin/settings", who).status, http::Status::forbidden) << who;
    EXPECT_EQ(PostForm("/admin/settings", Form({{"platform_fee_basis_points", "0"}}), who).status,
              http::Status::forbidden);
    EXPECT_EQ(Get("/api/v1/admin/settings", who).status, http::Status::forbidden);
    EXPECT_EQ(Put(R"({"version":0,"reason":"x","platform_fee_basis_points":0})", who).status, http::Status::forbidden);
  }
  EXPECT_EQ(Get("/api/v1/admin/settings").status, http::Status::unauthorized);
  EXPECT_EQ(Put(R"({"version":0,"reason":"x","platform_fee_basis_points":0})", "").status, http::Status::unauthorized);
  EXPECT_NE(Get("/admin/settings").status, http::Status::ok);
  EXPECT_EQ(settings_.Current().values.platform_fee_basis_points, 300);
}

TEST_F(SettingsRoutesTest, TheFormShowsTheCurrentValuesAndSaves) {
  auto page = Get("/admin/settings", kAdminWho);
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_TRUE(Contains(page, "name=\"platform_fee_basis_points\""));
  EXPECT_TRUE(Contains(page, "value=\"300\""));
  EXPECT_TRUE(Contains(page, "name=\"credit_second_approval_above\""));
  EXPECT_TRUE(Contains(page, "name=\"auto_deliver_days\""));
  EXPECT_TRUE(Contains(page, "value=\"14\""));
  EXPECT_TRUE(Contains(page, "value=\"1000000\""));
  EXPECT_TRUE(Contains(page, "0이면 모든 충전에 다른 관리자의 승인이 필요합니다"));
  EXPECT_TRUE(Contains(page, "name=\"version\" value=\"0\""));
  EXPECT_TRUE(Contains(page, "대동강택배"));
  EXPECT_TRUE(Contains(page, "href=\"/admin\""));
  EXPECT_TRUE(Contains(page, "관리자 홈"));
  EXPECT_EQ(Header(page, "Cache-Control"), "no-store");

  auto saved = PostForm("/admin/settings",
                        Form({{"platform_fee_basis_points", "250"},
                              {"carriers", "조선우편\n\n신의주 특송\n"},
                              {"notice", "설 연휴 공지"},
                              {"credit_second_approval_above", "0"},
                              {"auto_deliver_days", "10"},
                              {"bank_1", "조선무역은행"},
                              {"account_number_1", "0101-2345"},
                              {"holder_1", "만물상"}}),
                        kAdminWho);
  ASSERT_EQ(saved.status, http::Status::see_other) << saved.body;
  EXPECT_EQ(Header(saved, "Location"), "/admin/settings?saved=1");
  const StoredSettings stored = settings_.Current();
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(stored.values.platform_fee_basis_points, 250);
  EXPECT_EQ(stored.values.carriers, (std::vector<std::string>{"조선우편", "신의주 특송"}));
  EXPECT_EQ(stored.values.notice, "설 연휴 공지");
  EXPECT_EQ(stored.values.credit_second_approval_above, 0);
  EXPECT_EQ(stored.values.auto_deliver_days, 10);
  ASSERT_EQ(stored.values.bank_accounts.size(), 1u);
  EXPECT_EQ(stored.values.bank_accounts[0].bank, "조선무역은행");
  ASSERT_EQ(store_.services().audit.ForSubject("settings", "marketplace").size(), 1u);

  auto after = Get("/admin/settings?saved=1", kAdminWho);
  EXPECT_TRUE(Contains(after, "설정을 저장했습니다"));
  EXPECT_TRUE(Contains(after, "value=\"0101-2345\""));
  EXPECT_TRUE(Contains(after, "name=\"version\" value=\"1\""));
}

TEST_F(SettingsRoutesTest, BadInputReRendersTheTypedFormWithTheErrorAndChangesNothing) {
  auto refused = PostForm("/admin/settings",
                          Form({{"platform_fee_basis_points", "삼백"}, {"marketplace_name", "새 이름"}}), kAdminWho);
  EXPECT_EQ(refused.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(refused, "수수료는 0부터 3000"));
  EXPECT_TRUE(Contains(refused, "value=\"새 이름\""));
  EXPECT_TRUE(Contains(refused, "aria-invalid=\"true\""));
  auto bad_limit = PostForm("/admin/settings", Form({{"credit_second_approval_above", "-5"}}), kAdminWho);
  EXPECT_EQ(bad_limit.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(bad_limit, "승인이 필요한 충전 금액은 0원부터"));
  EXPECT_TRUE(Contains(bad_limit, "value=\"-5\" required aria-invalid=\"true\""));
  auto bad_deliver_days = PostForm("/admin/settings", Form({{"auto_deliver_days", "61"}}), kAdminWho);
  EXPECT_EQ(bad_deliver_days.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(bad_deliver_days, "자동 배송 완료는 1일부터 60일까지"));
  EXPECT_TRUE(Contains(bad_deliver_days, "value=\"61\" required aria-invalid=\"true\""));
  auto half_account = PostForm("/admin/settings", Form({{"bank_0", "조선무역은행"}}), kAdminWho);
  EXPECT_EQ(half_account.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(half_account, "은행, 계좌번호, 예금주를 모두"));
  auto no_reason = PostForm("/admin/settings", Form({{"auto_confirm_days", "3"}, {"reason", " "}}), kAdminWho);
  EXPECT_EQ(no_reason.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(no_reason, "바꾸는 사유를 적으십시오"));
  EXPECT_EQ(settings_.Current().version, 0);
  EXPECT_TRUE(store_.services().audit.ForSubject("settings", "marketplace").empty());
}

TEST_F(SettingsRoutesTest, AStaleFormIsAConflictShowingTheStoredValues) {
  ASSERT_EQ(PostForm("/admin/settings", Form({{"platform_fee_basis_points", "100"}}), kAdminWho).status,
            http::Status::see_other);
  // A second admin's form, read at version 0, would put the fee back.
  auto stale = PostForm("/admin/settings", Form({{"auto_confirm_days", "10"}}), kAdminWho);
  EXPECT_EQ(stale.status, http::Status::conflict);
  EXPECT_TRUE(Contains(stale, "다른 관리자가 설정을 바꾸었습니다"));
  EXPECT_TRUE(Contains(stale, "value=\"100\""));
  EXPECT_TRUE(Contains(stale, "name=\"version\" value=\"1\""));
  EXPECT_EQ(settings_.Current().values.auto_confirm_days, 7);
  EXPECT_EQ(settings_.Current().values.platform_fee_basis_points, 100);
}

TEST_F(SettingsRoutesTest, TheApiReadsAndChangesTheNamedFields) {
  auto shown = Get("/api/v1/admin/settings", kAdminWho);
  ASSERT_EQ(shown.status, http::Status::ok);
  boost::json::object json = Json(shown);
  EXPECT_EQ(json.at("version").as_int64(), 0);
  EXPECT_TRUE(json.at("updated_at").is_null());
  EXPECT_EQ(json.at("settings").at("platform_fee_basis_points").as_int64(), 300);
  EXPECT_EQ(json.at("settings").at("credit_second_approval_above").as_int64(), 1'000'000);
  EXPECT_EQ(json.at("settings").at("auto_deliver_days").as_int64(), 14);
  EXPECT_EQ(json.at("settings").at("carriers").as_array().size(), 5u);
  EXPECT_EQ(json.at("settings").at("marketplace_name").as_string(), "만물상");

  auto changed = Put(R"({"version":0,"reason":"연휴","notice":"연휴 공지","credit_second_approval_above":10000,
                         "bank_accounts":[{"bank":"평양은행","account_number":"77-88","holder":"만물상"}]})");
  ASSERT_EQ(changed.status, http::Status::ok) << changed.body;
  json = Json(changed);
  EXPECT_EQ(json.at("version").as_int64(), 1);
  EXPECT_EQ(json.at("updated_by").as_int64(), 1);
  EXPECT_EQ(json.at("settings").at("notice").as_string(), "연휴 공지");
  EXPECT_EQ(json.at("settings").at("platform_fee_basis_points").as_int64(), 300);  // absent: kept
  EXPECT_EQ(json.at("settings").at("credit_second_approval_above").as_int64(), 10'000);
  EXPECT_EQ(json.at("settings").at("bank_accounts").as_array().size(), 1u);

  auto stale = Put(R"({"version":0,"reason":"다시","auto_confirm_days":3})");
  EXPECT_EQ(stale.status, http::Status::conflict);
  EXPECT_EQ(Code(stale), "version_conflict");

  struct Refusal {
    std::string body;
    std::string code;
    std::string field;
  };
  const Refusal refusals[] = {
      {R"({"version":1,"reason":"x","platform_fee_basis_points":3001})", "invalid_platform_fee",
       "platform_fee_basis_points"},
      {R"({"version":1,"reason":"x","platform_fee_basis_points":"10"})", "invalid_platform_fee",
       "platform_fee_basis_points"},
      {R"({"version":1,"reason":"x","credit_second_approval_above":10000000001})", "invalid_credit_second_approval",
       "credit_second_approval_above"},
      {R"({"version":1,"reason":"x","credit_second_approval_above":-1})", "invalid_credit_second_approval",
       "credit_second_approval_above"},
      {R"({"version":1,"reason":"x","credit_second_approval_above":"0"})", "invalid_credit_second_approval",
       "credit_second_approval_above"},
      {R"({"version":1,"reason":"x","auto_deliver_days":0})", "invalid_auto_deliver_days", "auto_deliver_days"},
      {R"({"version":1,"reason":"x","auto_deliver_days":61})", "invalid_auto_deliver_days", "auto_deliver_days"},
      {R"({"version":1,"reason":"x","auto_deliver_days":"7"})", "invalid_auto_deliver_days", "auto_deliver_days"},
      {R"({"version":1,"reason":"x","carriers":"조선우편"})", "invalid_carriers", "carriers"},
      {R"({"version":1,"reason":"x","carriers":[1]})", "invalid_carriers", "carriers"},
      {R"({"version":1,"reason":"x","bank_accounts":[{"bank":"은행"}]})", "invalid_bank_accounts", "bank_accounts"},
      {R"({"version":1,"reason":"x","marketplace_name":""})", "invalid_marketplace_name", "marketplace_name"},
      {R"({"version":1,"reason":"x","notice":null})", "invalid_notice", "notice"},
      {R"({"version":1,"auto_confirm_days":3})", "invalid_reason", "reason"},
      {R"({"reason":"x","auto_confirm_days":3})", "invalid_input", "version"},
  };
  for (const Refusal& refusal : refusals) {
    auto refused = Put(refusal.body);
    EXPECT_EQ(refused.status, http::Status::bad_request) << refusal.body;
    EXPECT_EQ(Code(refused), refusal.code) << refusal.body;
    EXPECT_EQ(Json(refused).at("error").at("field").as_string(), refusal.field) << refusal.body;
  }
  EXPECT_EQ(Put("{", kAdminWho).status, http::Status::bad_request);
  EXPECT_EQ(Send(http::Method::put, "/api/v1/admin/settings", "version=1", kAdminWho, "text/plain").status,
            http::Status::unsupported_media_type);
  EXPECT_EQ(settings_.Current().version, 1);
}

}  // namespace
}  // namespace manmulsang::settings
