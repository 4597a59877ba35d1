#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::sellers {

enum class ShopStatus { pending, approved, rejected };

struct Shop {
  core::SellerId id;
  core::UserId owner;
  std::string name;
  std::string description;
  std::string city;
  ShopStatus status = ShopStatus::pending;
  core::TimePoint created_at;
};

struct NewShop {
  core::UserId owner;
  std::string name;
  std::string description;
  std::string city;
  ShopStatus status = ShopStatus::pending;
};

// Shops that own products. (The seller center — applications, approval — is a later issue.)
class SellerService {
 public:
  SellerService(db::Database& database, const core::Clock& clock);
  ~SellerService();

  std::optional<Shop> GetShop(core::SellerId id);
  // Batched lookup for listings: the shops that exist among ids.
  std::vector<Shop> FindShops(std::span<const core::SellerId> ids);
  std::int64_t CountApprovedShops();
  // The demo generator's bulk path. Returns ids in input order.
  std::vector<core::SellerId> InsertShops(std::span<const NewShop> shops);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::sellers
