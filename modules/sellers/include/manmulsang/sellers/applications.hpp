#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/application_error.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::sellers {

// What a member sends to open a shop.
struct Application {
  std::string shop_name;
  std::string description;
  std::string phone;
  std::string city;
  // Optional: "/media/<name>" of the logo the image pipeline stored already (the file before the
  // row); the http layer calls CanApply first so a refused form leaves no file behind.
  std::string logo_url;
};

// Limits in code points after trimming and NFC; the phone in characters.
inline constexpr std::size_t kMinShopName = 2;
inline constexpr std::size_t kMaxShopName = 50;
inline constexpr std::size_t kMaxShopDescription = 2000;
inline constexpr std::size_t kMaxCity = 40;
inline constexpr std::size_t kMaxPhone = 20;
inline constexpr std::size_t kMinPhoneDigits = 7;
inline constexpr std::size_t kMaxPhoneDigits = 15;
inline constexpr std::size_t kMaxRejectionReason = 500;
inline constexpr int kMaxApplicationsPerPage = 100;

struct ApplicationPage {
  std::vector<Shop> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

// Seller onboarding: a member applies (the shop is created pending), an admin approves (the shop
// is approved and the member becomes a seller, in one transaction) or rejects it with a reason
// that the applicant sees. One open application per member; a rejected member may apply again
// (a new application; the rejected one stays as the record of what was decided).
class ApplicationService {
 public:
  ApplicationService(db::Database& database, const core::Clock& clock, accounts::AccountService& accounts);
  ~ApplicationService();

  // Fields are trimmed and NFC-normalised; the first invalid one is named by the error.
  std::expected<Shop, ApplicationError> Apply(const core::Actor& actor, const Application& application);
  // Whether Apply would accept this application now (fields, and no open application or shop),
  // without writing: the check made before an uploaded logo is stored.
  std::expected<void, ApplicationError> CanApply(const core::Actor& actor, const Application& application);
  // The actor's newest application, whatever its status (the status view).
  std::expected<Shop, ApplicationError> Current(const core::Actor& actor);

  // --- Admins only (forbidden for everyone else) ---
  // Applications with status, oldest first (the order they are to be decided in).
  std::expected<ApplicationPage, ApplicationError> List(const core::Actor& admin, ShopStatus status, int page,
                                                        int per_page);
  std::expected<Shop, ApplicationError> Approve(const core::Actor& admin, core::SellerId shop);
  std::expected<Shop, ApplicationError> Reject(const core::Actor& admin, core::SellerId shop, std::string_view reason);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::sellers
