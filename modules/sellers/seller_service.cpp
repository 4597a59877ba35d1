#include <algorithm>

#include "embedded/sellers_migrations.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "shop_repository.hpp"

namespace manmulsang::sellers {

struct SellerService::Impl {
  db::Database& database;
  const core::Clock& clock;
};

SellerService::SellerService(db::Database& database, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(Impl{database, clock})) {}

SellerService::~SellerService() = default;

std::optional<Shop> SellerService::GetShop(core::SellerId id) {
  if (!id) return std::nullopt;
  return impl_->database.Read(
      [&](db::Connection& connection) { return ShopRepository::Find(connection, id); });
}

std::vector<Shop> SellerService::FindShops(std::span<const core::SellerId> ids) {
  // Duplicates are common (a page of products from a few shops): look each shop up once.
  std::vector<core::SellerId> unique(ids.begin(), ids.end());
  std::erase_if(unique, [](core::SellerId id) { return !id; });
  std::ranges::sort(unique);
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  if (unique.empty()) return {};
  return impl_->database.Read(
      [&](db::Connection& connection) { return ShopRepository::FindMany(connection, unique); });
}

std::int64_t SellerService::CountApprovedShops() {
  return impl_->database.Read([](db::Connection& connection) {
    return ShopRepository::CountByStatus(connection, ShopStatus::approved);
  });
}

std::vector<core::SellerId> SellerService::InsertShops(std::span<const NewShop> shops) {
  std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) {
    std::vector<core::SellerId> ids;
    ids.reserve(shops.size());
    for (const NewShop& shop : shops) ids.push_back(ShopRepository::Insert(connection, shop, now));
    return ids;
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::sellers_migrations(); }

}  // namespace manmulsang::sellers
