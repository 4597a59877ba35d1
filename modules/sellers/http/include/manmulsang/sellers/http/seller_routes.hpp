#pragma once

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/media/media_library.hpp"
#include "manmulsang/sellers/applications.hpp"

namespace manmulsang::sellers {

struct SellerHttpServices {
  ApplicationService& applications;
  // An approved shop's page (/s/<id>) was a 404 until now; approval forgets any cached answer.
  http::PageCache& page_cache;
  // The shop's logo: the owner's shop, and the pipeline that checks and stores the picture.
  SellerService& sellers;
  const media::MediaLibrary& media;
  // The admin's shops: a suspension hides the shop's listings through the catalog, in the same
  // transaction; a shop's page shows its listings count and its audit history.
  catalog::CatalogService& catalog;
  audit::AuditLog& audit;
};

// Seller onboarding (issue 5). JSON (docs/ARCHITECTURE.md, public interface; errors {"error": {code, message, field}}):
//   POST /api/v1/seller/apply {shop_name, description, phone, city} → 201 {seller: {id, status, ...}}
//        400 invalid_<field>, 409 application_open | already_seller
//   GET  /api/v1/seller/application → {seller: {..., rejection_reason}}; 404 application_not_found
//   GET  /api/v1/admin/sellers?status=pending|approved|rejected&page=&per_page= → {items, total, page, per_page}
//   POST /api/v1/admin/sellers/:id/approve → {seller}; the member becomes a seller; 409 already_decided
//   POST /api/v1/admin/sellers/:id/reject {reason} → {seller}; 400 invalid_reason; 409 already_decided
//   POST /api/v1/seller/shop/logo?shop_id= multipart `image` → {seller} with logo_url; the shop's
//        owner only (404 shop_not_found for anyone else's or none; shop_id defaults to their
//        oldest shop, any status); upload refusals 400 image_required, 413 too_large_bytes,
//        415 not_an_image / unsupported_format, 422 too_many_pixels / corrupt, nothing stored.
//   GET|PATCH /api/v1/seller/shop?shop_id= {name?, description?, phone?, city?, courier_fee?,
//        free_courier_from?, pickup_offered?, pickup_place?} → {shop: {..., delivery}}: the owner's
//        settings (SellerService::UpdateShop); 400 invalid_<field> naming it, 404 shop_not_found.
// Every route needs a signed-in actor (401); /admin/ routes need an admin (403).
// HTML (no JavaScript; forms carry _csrf):
//   GET|POST /seller/apply (the form; multipart/form-data with an optional file `logo`),
//   GET /seller/application (the applicant's status view, with the logo form),
//   POST /seller/shop/logo (multipart `logo`: replaces the logo),
//   GET|POST /seller/shop (the shop's settings: name, description, phone, city, delivery options
//        and an optional new logo, multipart; a bad field comes back beside it, saved → ?saved=1),
//   GET /admin/sellers?page= (pending applications), POST /admin/sellers/:id/approve | reject {reason}.
// The admin's shops (issue 11), pages and their JSON twins (docs/openapi.yaml):
//   GET /admin/shops?q=&status=&page= and /api/v1/admin/shops (search by shop or owner id, name
//        or phone; status filter; newest first), GET /admin/shops/:id and /api/v1/admin/shops/:id
//        (owner, phone, city, status, listings, delivery options, audit history),
//   POST /admin/shops/:id/suspend | unsuspend {reason} (form) and /api/v1/admin/shops/:id/suspend |
//        unsuspend {"reason"}: 400 invalid_reason, 404 shop_not_found, 409 not_approved | not_suspended.
// Also registers the templates ("sellers/*") and messages (t.sellers.*) with renderer.
void AddSellerRoutes(http::Router& router, html::Renderer& renderer, const SellerHttpServices& services);

}  // namespace manmulsang::sellers
