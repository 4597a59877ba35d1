#pragma once

// The admin console's routes as the server runs them, minus the socket, over a real store with
// every module the console reads, and orders placed through the real checkout.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/admin_console/http/admin_console_routes.hpp"
#include "manmulsang/audit/audit.hpp"
#include "marketplace_test_fixture.hpp"
#include "route_test_fixture.hpp"

namespace manmulsang::admin_console {

// The whole marketplace, its clock at 2026-11-26 12:00 in the marketplace's zone (UTC+9).
class AdminConsoleTest : public testing::MarketplaceTestFixture, public testing::RouteTestFixture {
 protected:
  AdminConsoleTest() : MarketplaceTestFixture({.start = core::FromUnixSeconds(1'795'662'000)}) {
    AddAdminConsoleRoutes(router_, renderer_, {console_});
    // The admin the requests sign in as is a member too (id 1, the first), so no member made
    // later shares its id.
    const std::vector<core::UserId> admin = accounts_.InsertGeneratedMembers(
        std::vector<accounts::RegisterCommand>{{"admin@example.kp", "password-123456", "관리자", core::Role::admin}});
    EXPECT_EQ(admin.front(), testing::TestMarketplace::kAdmin);
  }

  static std::string AdminWho() { return Who(testing::TestMarketplace::kAdmin, "admin"); }

  // members made as the demo makes them (no password hashing per member); their ids.
  std::vector<core::UserId> AddMembers(int count, std::string_view prefix) {
    std::vector<accounts::RegisterCommand> members;
    for (int index = 0; index < count; ++index) {
      members.push_back({std::string(prefix) + std::to_string(index) + "@example.kp", "password-123456",
                         "회원 " + std::to_string(index)});
    }
    return accounts_.InsertGeneratedMembers(members);
  }

  // buyer puts quantity of product in the cart and checks out paying by bank transfer.
  core::OrderId PlaceBankTransfer(core::UserId buyer, core::ProductId product, std::int64_t quantity = 1) {
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(buyer), product, quantity).has_value());
    auto receipt = orders_.Checkout({buyer, orders::PaymentMethod::bank_transfer, "평양시 중구역 1동"});
    EXPECT_TRUE(receipt.has_value());
    return receipt.has_value() ? receipt->orders.front().id : core::OrderId{};
  }

  static constexpr core::UserId kOwner{2};

  audit::AuditLog& audit_log_ = store_.services().audit;
  AdminConsole console_{*store_,   clock_,    accounts_, analytics_, sellers_,   applications_,
                        catalog_,  payments_, orders_,   reviews_,   questions_, store_.services().messages,
                        audit_log_};
  core::SellerId shop_ = store_.AddShop(kOwner, "만물 상회");
  core::ProductId product_ = store_.AddListing(shop_, 12'000);
};

}  // namespace manmulsang::admin_console
