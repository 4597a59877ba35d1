#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

class AddressBookTest : public BuyingTest {
 protected:
  AddressBook& book_ = store_.services().addresses;
};

TEST_F(AddressBookTest, FirstAddressIsTheDefaultAndDefaultsMove) {
  auto home = book_.Add(kBuyer, {" 김철수 ", "010-1234-5678", "평양시 중구역 1동", false});
  ASSERT_TRUE(home.has_value());
  EXPECT_TRUE(home->is_default);
  EXPECT_EQ(home->recipient, "김철수");
  auto office = book_.Add(kBuyer, {"김철수", "02 381 0000", "평양시 대동강구역", true});
  ASSERT_TRUE(office.has_value());
  std::vector<Address> list = book_.List(kBuyer);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, office->id);
  EXPECT_FALSE(list[1].is_default);
  ASSERT_TRUE(book_.MakeDefault(kBuyer, home->id).has_value());
  EXPECT_EQ(book_.List(kBuyer)[0].id, home->id);
  ASSERT_TRUE(book_.Remove(kBuyer, home->id).has_value());
  list = book_.List(kBuyer);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0].is_default);  // the remaining one takes over
  EXPECT_EQ(FormatAddress(list[0]), "김철수 (02 381 0000)\n평양시 대동강구역");
}

TEST_F(AddressBookTest, BadInputAndOtherMembersAddresses) {
  EXPECT_EQ(book_.Add(kBuyer, {"", "0101234", "주소", false}).error(), AddressError::invalid_recipient);
  EXPECT_EQ(book_.Add(kBuyer, {"이름", "전화", "주소", false}).error(), AddressError::invalid_phone);
  EXPECT_EQ(book_.Add(kBuyer, {"이름", "12", "주소", false}).error(), AddressError::invalid_phone);
  EXPECT_EQ(book_.Add(kBuyer, {"이름", "123", "   ", false}).error(), AddressError::invalid_address);
  EXPECT_EQ(book_.Add(kBuyer, {"이름", "123", std::string(401, 'a'), false}).error(), AddressError::invalid_address);
  EXPECT_EQ(book_.Add(kBuyer, {"이\n름", "123", "주소", false}).error(), AddressError::invalid_recipient);
  auto mine = book_.Add(kBuyer, {"이름", "123", "주소", false});
  ASSERT_TRUE(mine.has_value());
  const core::UserId other{777};
  EXPECT_EQ(book_.Remove(other, mine->id).error(), AddressError::address_not_found);
  EXPECT_EQ(book_.MakeDefault(other, mine->id).error(), AddressError::address_not_found);
  EXPECT_TRUE(book_.List(other).empty());
  for (std::size_t index = 1; index < kMaxAddresses; ++index) {
    ASSERT_TRUE(book_.Add(kBuyer, {"이름", "123", "주소 " + std::to_string(index), false}).has_value());
  }
  EXPECT_EQ(book_.Add(kBuyer, {"이름", "123", "하나 더", false}).error(), AddressError::too_many_addresses);
}

TEST_F(AddressBookTest, CheckoutRecordsTheSavedAddressAsItIsNow) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 1'000, 5);
  auto saved = book_.Add(kBuyer, {"김철수", "123", "평양시", false});
  ASSERT_TRUE(saved.has_value());
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  CheckoutCommand command = Command(kBuyer, PaymentMethod::cash_on_delivery, "key");
  command.address.clear();
  command.address_id = saved->id;
  auto receipt = orders_.Checkout(command);
  ASSERT_TRUE(receipt.has_value());
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), receipt->orders[0].id)->address, "김철수 (123)\n평양시");
  // A replay with the same address id is the same request; another id is another request.
  EXPECT_TRUE(orders_.Checkout(command)->replayed);
  command.address_id = AddressId{saved->id.value + 1};
  EXPECT_EQ(orders_.Checkout(command).error(), OrderError::idempotency_key_reused);
  command.idempotency_key.clear();
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  EXPECT_EQ(orders_.Checkout(command).error(), OrderError::invalid_address);
}

// One rule for an address as typed, in the book and at checkout: trimmed, 1..400 bytes, line
// breaks allowed, no other control character (a tab neither).
TEST_F(AddressBookTest, TheBookAndCheckoutFollowOneAddressRule) {
  EXPECT_EQ(CleanAddressLine("  평양시\n중구역  ").value(), "평양시\n중구역");
  EXPECT_TRUE(CleanAddressLine(std::string(kMaxAddressLine, 'a')).has_value());
  for (const std::string& refused : {std::string(kMaxAddressLine + 1, 'a'), std::string("평양시\t중구역"),
                                     std::string("평양시\x01"), std::string(" \n ")}) {
    EXPECT_EQ(CleanAddressLine(refused).error(), AddressError::invalid_address) << refused;
    EXPECT_EQ(book_.Add(kBuyer, {"이름", "123", refused, false}).error(), AddressError::invalid_address);
    const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 1'000, 5);
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
    CheckoutCommand command = Command(kBuyer, PaymentMethod::cash_on_delivery);
    command.address = refused;
    EXPECT_EQ(orders_.Checkout(command).error(), OrderError::invalid_address);
  }
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 1'000, 5);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  CheckoutCommand command = Command(kBuyer, PaymentMethod::cash_on_delivery);
  command.address = " " + std::string(kMaxAddressLine, 'a') + "\n";
  auto receipt = orders_.Checkout(command);
  ASSERT_TRUE(receipt.has_value());
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), receipt->orders[0].id)->address, std::string(kMaxAddressLine, 'a'));
}

}  // namespace
}  // namespace manmulsang::orders
