#pragma once

#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::sellers {

// SellerService's state, shared by seller_service.cpp (shops and their owners) and
// shop_administration.cpp (what admins do with shops).
struct SellerService::Impl {
  db::Database& database;
  const core::Clock& clock;
};

}  // namespace manmulsang::sellers
