#include <gtest/gtest.h>

#include "application_validation.hpp"
#include "manmulsang/sellers/applications.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::sellers {
namespace {

class ApplicationServiceTest : public ::testing::Test {
 protected:
  ApplicationServiceTest() {
    std::vector<accounts::RegisterCommand> members = {
        {"applicant@shop.kp", "password-long-enough", "신청인", core::Role::buyer},
        {"other@shop.kp", "password-long-enough", "다른 회원", core::Role::buyer},
        {"admin@shop.kp", "password-long-enough", "관리자", core::Role::admin}};
    const std::vector<core::UserId> ids = accounts_.InsertGeneratedMembers(members);
    applicant_ = {ids[0], core::Role::buyer, "신청인"};
    other_ = {ids[1], core::Role::buyer, "다른 회원"};
    admin_ = {ids[2], core::Role::admin, "관리자"};
  }

  static Application Good(std::string name = "평양 전자상점") {
    return {std::move(name), "컴퓨터와 부품을 팝니다.\r\n평일 9시부터.", " 02-381-4411 ", "평양"};
  }
  core::Role RoleOf(const core::Actor& actor) { return accounts_.FindUser(*actor.user)->role; }
  std::int64_t ShopCount() {
    return store_->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT COUNT(*) FROM shops")->Int(0); });
  }

  testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  accounts::AccountService& accounts_ = store_.services().accounts;
  SellerService& sellers_ = store_.services().sellers;
  ApplicationService& applications_ = store_.services().applications;
  core::Actor applicant_, other_, admin_;
};

TEST_F(ApplicationServiceTest, ApplyCreatesAPendingShopWithCleanedFields) {
  auto shop = applications_.Apply(applicant_, Good());
  ASSERT_TRUE(shop.has_value()) << ErrorCode(shop.error());
  EXPECT_EQ(shop->status, ShopStatus::pending);
  EXPECT_EQ(shop->owner, *applicant_.user);
  EXPECT_EQ(shop->name, "평양 전자상점");
  EXPECT_EQ(shop->description, "컴퓨터와 부품을 팝니다.\n평일 9시부터.");  // CRLF from a form becomes LF
  EXPECT_EQ(shop->phone, "02-381-4411");                                   // trimmed
  EXPECT_EQ(shop->city, "평양");
  EXPECT_FALSE(shop->decided_at.has_value());
  EXPECT_EQ(applications_.Current(applicant_)->id, shop->id);
  EXPECT_EQ(RoleOf(applicant_), core::Role::buyer);  // not a seller until approved
  EXPECT_EQ(applications_.Current(other_).error(), ApplicationError::application_not_found);
  EXPECT_EQ(applications_.Apply(core::Actor{}, Good()).error(), ApplicationError::unauthenticated);
}

TEST_F(ApplicationServiceTest, InvalidFieldsAreNamedAndWriteNothing) {
  const std::pair<Application, ApplicationError> refused[] = {
      {{"", "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},
      {{"   가   ", "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},  // one letter
      {{std::string(kMaxShopName + 1, 'a'), "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},
      {{std::string("상점\0이름", 10), "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},
      {{"상점\n이름", "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},
      {{"\xff\xfe상점", "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},
      {{"상점\u202e이름", "", "010-1234-5678", "평양"}, ApplicationError::invalid_shop_name},
      {{"좋은 상점", std::string(kMaxShopDescription + 1, 'x'), "010-1234-5678", "평양"},
       ApplicationError::invalid_description},
      {{"좋은 상점", "설명\x07", "010-1234-5678", "평양"}, ApplicationError::invalid_description},
      {{"좋은 상점", "", "", "평양"}, ApplicationError::invalid_phone},
      {{"좋은 상점", "", "123", "평양"}, ApplicationError::invalid_phone},
      {{"좋은 상점", "", "010-12ab-5678", "평양"}, ApplicationError::invalid_phone},
      {{"좋은 상점", "", "01+0-1234-5678", "평양"}, ApplicationError::invalid_phone},
      {{"좋은 상점", "", "1234567890123456", "평양"}, ApplicationError::invalid_phone},
      {{"좋은 상점", "", "010-1234-5678", "  "}, ApplicationError::invalid_city},
      {{"좋은 상점", "", "010-1234-5678", std::string(kMaxCity + 1, 'c')}, ApplicationError::invalid_city},
      {{"좋은 상점", "", "010-1234-5678", "평\t양"}, ApplicationError::invalid_city},
  };
  for (const auto& [application, error] : refused) {
    auto result = applications_.Apply(applicant_, application);
    ASSERT_FALSE(result.has_value()) << application.shop_name;
    EXPECT_EQ(result.error(), error) << application.shop_name << " / " << ErrorCode(result.error());
  }
  EXPECT_EQ(ShopCount(), 0);
  EXPECT_EQ(ErrorField(ApplicationError::invalid_phone), "phone");
  EXPECT_EQ(CleanPhone("+82 (2) 381-4411"), "+82 (2) 381-4411");
}

TEST_F(ApplicationServiceTest, OneOpenApplicationPerMemberAndNoneOnceApproved) {
  ASSERT_TRUE(applications_.Apply(applicant_, Good()).has_value());
  EXPECT_EQ(applications_.Apply(applicant_, Good("두번째 상점")).error(), ApplicationError::application_open);
  EXPECT_TRUE(applications_.Apply(other_, Good("다른 상점")).has_value());  // others are not held back
  EXPECT_EQ(ShopCount(), 2);
  ASSERT_TRUE(applications_.Approve(admin_, applications_.Current(applicant_)->id).has_value());
  EXPECT_EQ(applications_.Apply(applicant_, Good("세번째 상점")).error(), ApplicationError::already_seller);
  EXPECT_EQ(ShopCount(), 2);
}

TEST_F(ApplicationServiceTest, ApprovalApprovesTheShopAndMakesTheMemberASeller) {
  const core::SellerId id = applications_.Apply(applicant_, Good())->id;
  EXPECT_EQ(sellers_.ApprovedShopOf(applicant_).error(), ApplicationError::application_pending);
  clock_.Advance(std::chrono::hours(3));
  auto approved = applications_.Approve(admin_, id);
  ASSERT_TRUE(approved.has_value()) << ErrorCode(approved.error());
  EXPECT_EQ(approved->status, ShopStatus::approved);
  EXPECT_EQ(sellers_.GetShop(id)->status, ShopStatus::approved);
  EXPECT_EQ(core::ToUnixSeconds(*sellers_.GetShop(id)->decided_at), 1'790'000'000 + 3 * 3600);
  EXPECT_EQ(RoleOf(applicant_), core::Role::seller);
  EXPECT_EQ(sellers_.ApprovedShopOf(applicant_)->id, id);
  EXPECT_EQ(sellers_.CountApprovedShops(), 1);
  // Twice: refused, nothing changes.
  EXPECT_EQ(applications_.Approve(admin_, id).error(), ApplicationError::already_decided);
  EXPECT_EQ(applications_.Reject(admin_, id, "늦게 거절").error(), ApplicationError::already_decided);
  EXPECT_EQ(sellers_.GetShop(id)->status, ShopStatus::approved);
  EXPECT_EQ(applications_.Approve(admin_, core::SellerId{9999}).error(), ApplicationError::application_not_found);
}

TEST_F(ApplicationServiceTest, AnAdminWhoAppliesStaysAnAdmin) {
  const core::SellerId id = applications_.Apply(admin_, Good())->id;
  ASSERT_TRUE(applications_.Approve(admin_, id).has_value());
  EXPECT_EQ(RoleOf(admin_), core::Role::admin);
}

TEST_F(ApplicationServiceTest, ApprovingAShopWhoseMemberIsGoneKeepsNothing) {
  std::vector<NewShop> orphan = {{core::UserId{777}, "주인 없는 상점", "", "평양", ShopStatus::pending}};
  const core::SellerId id = sellers_.InsertShops(orphan).front();
  EXPECT_EQ(applications_.Approve(admin_, id).error(), ApplicationError::application_not_found);
  EXPECT_EQ(sellers_.GetShop(id)->status, ShopStatus::pending);  // rolled back with the missing role
}

TEST_F(ApplicationServiceTest, RejectionNeedsAReasonTheApplicantSeesAndTheyMayApplyAgain) {
  const core::SellerId id = applications_.Apply(applicant_, Good())->id;
  EXPECT_EQ(applications_.Reject(admin_, id, "   ").error(), ApplicationError::invalid_reason);
  EXPECT_EQ(applications_.Reject(admin_, id, std::string(kMaxRejectionReason + 1, 'r')).error(),
            ApplicationError::invalid_reason);
  EXPECT_EQ(applications_.Reject(admin_, id, "사유\x01").error(), ApplicationError::invalid_reason);
  EXPECT_EQ(sellers_.GetShop(id)->status, ShopStatus::pending);
  auto rejected = applications_.Reject(admin_, id, "  전화번호가 맞지 않습니다.  ");
  ASSERT_TRUE(rejected.has_value()) << ErrorCode(rejected.error());
  auto current = applications_.Current(applicant_);
  EXPECT_EQ(current->status, ShopStatus::rejected);
  EXPECT_EQ(current->rejection_reason, "전화번호가 맞지 않습니다.");
  EXPECT_EQ(RoleOf(applicant_), core::Role::buyer);
  EXPECT_EQ(sellers_.ApprovedShopOf(applicant_).error(), ApplicationError::application_rejected);

  auto again = applications_.Apply(applicant_, Good("평양 전자상점 2"));
  ASSERT_TRUE(again.has_value()) << ErrorCode(again.error());
  EXPECT_EQ(applications_.Current(applicant_)->id, again->id);
  EXPECT_EQ(applications_.Current(applicant_)->rejection_reason, "");
  EXPECT_EQ(sellers_.ApprovedShopOf(applicant_).error(), ApplicationError::application_pending);
  EXPECT_EQ(sellers_.GetShop(id)->status, ShopStatus::rejected);  // the old decision stays on record
}

TEST_F(ApplicationServiceTest, OnlyAdminsListAndDecide) {
  const core::SellerId id = applications_.Apply(applicant_, Good())->id;
  const core::Actor seller{*other_.user, core::Role::seller, "판매자"};
  for (const core::Actor& actor : {applicant_, seller}) {
    EXPECT_EQ(applications_.Approve(actor, id).error(), ApplicationError::forbidden);
    EXPECT_EQ(applications_.Reject(actor, id, "이유").error(), ApplicationError::forbidden);
    EXPECT_EQ(applications_.List(actor, ShopStatus::pending, 1, 20).error(), ApplicationError::forbidden);
  }
  EXPECT_EQ(applications_.Approve(core::Actor{}, id).error(), ApplicationError::unauthenticated);
  EXPECT_EQ(applications_.List(core::Actor{}, ShopStatus::pending, 1, 20).error(), ApplicationError::unauthenticated);
  EXPECT_EQ(sellers_.GetShop(id)->status, ShopStatus::pending);
  EXPECT_EQ(RoleOf(applicant_), core::Role::buyer);
}

TEST_F(ApplicationServiceTest, AdminsListApplicationsByStatusOldestFirstInPages) {
  std::vector<NewShop> shops;
  for (int index = 0; index < 5; ++index) {
    shops.push_back({core::UserId{100 + index}, "상점 " + std::to_string(index), "", "평양", ShopStatus::pending});
  }
  shops.push_back({core::UserId{200}, "승인된 상점", "", "평양", ShopStatus::approved});
  const std::vector<core::SellerId> ids = sellers_.InsertShops(shops);
  auto first = applications_.List(admin_, ShopStatus::pending, 1, 2);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->total, 5);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].id, ids[0]);
  auto last = applications_.List(admin_, ShopStatus::pending, 3, 2);
  ASSERT_EQ(last->items.size(), 1u);
  EXPECT_EQ(last->items[0].id, ids[4]);
  EXPECT_EQ(applications_.List(admin_, ShopStatus::approved, 1, 20)->total, 1);
  EXPECT_EQ(applications_.List(admin_, ShopStatus::pending, 0, 20).error(), ApplicationError::invalid_page);
  EXPECT_EQ(applications_.List(admin_, ShopStatus::pending, 1, 101).error(), ApplicationError::invalid_page);
}

TEST_F(ApplicationServiceTest, ApprovedShopOfIsTheCheckBeforeListing) {
  EXPECT_EQ(sellers_.ApprovedShopOf(core::Actor{}).error(), ApplicationError::unauthenticated);
  EXPECT_EQ(sellers_.ApprovedShopOf(other_).error(), ApplicationError::not_a_seller);
  const core::SellerId id = applications_.Apply(other_, Good())->id;
  EXPECT_EQ(sellers_.ApprovedShopOf(other_).error(), ApplicationError::application_pending);
  ASSERT_TRUE(applications_.Approve(admin_, id).has_value());
  EXPECT_EQ(sellers_.ApprovedShopOf(other_)->id, id);
}

}  // namespace
}  // namespace manmulsang::sellers
