#pragma once

// The seller onboarding routes as the server runs them, minus the socket, for the API and page tests.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "manmulsang/sellers/http/seller_routes.hpp"
#include "route_test_fixture.hpp"
#include "temp_directory.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::sellers {

using Headers = std::vector<std::pair<std::string, std::string>>;

class SellerRoutesTest : public ::testing::Test, public testing::RouteTestFixture {
 protected:
  SellerRoutesTest() {
    std::vector<accounts::RegisterCommand> members = {
        {"applicant@shop.kp", "password-long-enough", "신청인", core::Role::buyer},
        {"other@shop.kp", "password-long-enough", "다른 회원", core::Role::buyer},
        {"admin@shop.kp", "password-long-enough", "관리자", core::Role::admin},
        {"seller@shop.kp", "password-long-enough", "판매자", core::Role::seller}};
    const std::vector<core::UserId> ids = accounts_.InsertGeneratedMembers(members);
    applicant_ = ids[0];
    other_ = ids[1];
    admin_ = ids[2];
    seller_ = ids[3];
    AddSellerRoutes(router_, renderer_,
                    {applications_, page_cache_, sellers_, media_, store_.services().catalog, store_.services().audit});
  }

  static std::string Field(const http::Response& response) {
    const boost::json::object json = Json(response);
    const boost::json::object& error = json.at("error").as_object();
    return error.contains("field") ? std::string(error.at("field").as_string()) : "";
  }
  static std::string Location(const http::Response& response) { return std::string(response.Header("Location")); }

  core::Role RoleOf(core::UserId user) { return accounts_.FindUser(user)->role; }
  std::int64_t ShopCount() {
    return store_->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT COUNT(*) FROM shops")->Int(0); });
  }

  testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  accounts::AccountService& accounts_ = store_.services().accounts;
  SellerService& sellers_ = store_.services().sellers;
  ApplicationService& applications_ = store_.services().applications;
  // Every file under the media store, however deep (what an upload left behind).
  std::size_t MediaFiles() const {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(media_.store.root())) {
      count += entry.is_regular_file();
    }
    return count;
  }

  testing::TempDirectory media_directory_{"sellers-media"};
  media::MediaLibrary media_{media_directory_ / "media"};
  http::PageCache page_cache_{clock_};
  core::UserId applicant_, other_, admin_, seller_;
};

}  // namespace manmulsang::sellers
