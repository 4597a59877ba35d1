// /seller/shop: the owner edits the shop's name, description, phone, city, delivery options and
// logo on one form (multipart, no JavaScript, _csrf). A refused form comes back with the typed
// values and the message next to its field, and nothing is written (nor any logo file stored);
// a saved one redirects to /seller/shop?saved=1. The rules are SellerService::UpdateShop's, as
// for PATCH /api/v1/seller/shop.

#include <charconv>

#include "manmulsang/http/form.hpp"
#include "manmulsang/text/characters.hpp"
#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

// Whole won as people type it: digits, with thousands commas or spaces allowed ("3,000").
std::optional<std::int64_t> ParseWon(std::string_view typed) {
  std::string digits;
  for (char character : typed) {
    if (character == ',' || character == ' ') continue;
    if (character < '0' || character > '9' || digits.size() >= 18) return std::nullopt;
    digits.push_back(character);
  }
  std::int64_t won = 0;
  if (digits.empty() || std::from_chars(digits.data(), digits.data() + digits.size(), won).ec != std::errc{}) {
    return std::nullopt;
  }
  return won;
}

// The form as typed, kept for a re-render.
struct TypedSettings {
  std::string name, description, phone, city, courier_fee, free_courier_from, pickup_place;
  bool pickup_offered = false;
};

TypedSettings TypedFrom(const Shop& shop) {
  return {shop.name,
          shop.description,
          shop.phone,
          shop.city,
          std::to_string(shop.delivery.courier_fee_kpw),
          shop.delivery.free_courier_from_kpw ? std::to_string(*shop.delivery.free_courier_from_kpw) : "",
          shop.delivery.pickup_place,
          shop.delivery.pickup_offered};
}

// The typed form as the service's settings, or the field whose number cannot be read.
std::expected<ShopSettings, SellerError> SettingsFrom(const TypedSettings& typed) {
  ShopSettings settings{typed.name, typed.description, typed.phone, typed.city, {}};
  auto fee = ParseWon(typed.courier_fee);
  if (!fee) return std::unexpected(SellerError::invalid_courier_fee);
  settings.delivery.courier_fee_kpw = *fee;
  if (!text::TrimAscii(typed.free_courier_from).empty()) {
    auto from = ParseWon(typed.free_courier_from);
    if (!from) return std::unexpected(SellerError::invalid_free_courier_from);
    settings.delivery.free_courier_from_kpw = *from;
  }
  settings.delivery.pickup_offered = typed.pickup_offered;
  settings.delivery.pickup_place = typed.pickup_place;
  return settings;
}

class ShopSettingsPages {
 public:
  explicit ShopSettingsPages(const SellersHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/shop");
    auto shop = http_.services.sellers.OwnShop(request.context().actor, std::nullopt);
    if (!shop) return http::Response::Redirect("/seller/apply");
    std::string notice;
    if (request.Query("saved")) notice = http_.Text(request, "sellers.settings_saved");
    return Render(request, *shop, TypedFrom(*shop), {}, notice, http::Status::ok);
  }

  http::Response Save(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/shop");
    const http::Form& form = request.form();
    std::optional<core::SellerId> asked;
    if (auto text = form.Get("shop_id"); text && !text->empty()) {
      auto id = http::ParsePositiveId(*text);
      if (!id) return http_.renderer.NotFound(request);
      asked = core::SellerId{*id};
    }
    // Another member's shop is the not-found page: nothing says it exists.
    auto shop = http_.services.sellers.OwnShop(request.context().actor, asked);
    if (!shop) return http_.renderer.NotFound(request);
    const TypedSettings typed{std::string(form.GetOr("name")),         std::string(form.GetOr("description")),
                              std::string(form.GetOr("phone")),        std::string(form.GetOr("city")),
                              std::string(form.GetOr("courier_fee")),  std::string(form.GetOr("free_courier_from")),
                              std::string(form.GetOr("pickup_place")), form.Get("pickup_offered").has_value()};
    // Every field first, so a refused form stores no logo file; then the file, before the row.
    auto settings = SettingsFrom(typed);
    if (settings) {
      if (auto checked = http_.services.sellers.CheckShopSettings(*settings); !checked) {
        settings = std::unexpected(checked.error());
      }
    }
    if (!settings) return Refused(request, *shop, typed, ProblemOf(settings.error()));
    auto logo = media::StoreOptionalUploadedImages(request, "logo", 1, http_.services.media);
    if (!logo) {
      http::ApiProblem problem = logo.error();
      problem.field = "logo";
      return Render(request, *shop, typed, problem, {}, problem.status,
                    http_.Text(request, media::UploadMessageKey(problem.code)));
    }
    std::optional<std::string_view> logo_url;
    if (!logo->empty()) logo_url = logo->front().list_url;
    auto stored = http_.services.sellers.UpdateShop(request.context().actor, shop->id, *settings, logo_url);
    if (!stored) {
      if (stored.error() == SellerError::shop_not_found) return http_.renderer.NotFound(request);
      return Refused(request, *shop, typed, ProblemOf(stored.error()));
    }
    http_.ForgetShopPage(stored->id);
    return http::Response::Redirect("/seller/shop?saved=1");
  }

 private:
  http::Response Refused(const http::Request& request, const Shop& shop, const TypedSettings& typed,
                         const http::ApiProblem& problem) const {
    return Render(request, shop, typed, problem, {}, problem.status);
  }

  http::Response Render(const http::Request& request, const Shop& shop, const TypedSettings& typed,
                        const http::ApiProblem& problem, std::string_view notice, http::Status status,
                        std::string message = {}) const {
    html::Data data;
    data.set("title", http_.Text(request, "sellers.settings_title"));
    if (!notice.empty()) data.set("notice", std::string(notice));
    if (!problem.code.empty()) {
      data.set("message", message.empty() ? http_.ErrorText(request, problem.code) : std::move(message));
      data.set("error_" + (problem.field.empty() ? std::string("form") : problem.field), html::Data(true));
    }
    data.set("shop_id", std::to_string(shop.id.value));
    data.set("logo_url", shop.logo_url.empty() ? html::Data(false) : html::Data(shop.logo_url));
    data.set("name", typed.name);
    data.set("description", typed.description);
    data.set("phone", typed.phone);
    data.set("city", typed.city);
    data.set("courier_fee", typed.courier_fee);
    data.set("free_courier_from", typed.free_courier_from);
    data.set("pickup_offered", html::Data(typed.pickup_offered));
    data.set("pickup_place", typed.pickup_place);
    data.set("max_shop_name", std::to_string(kMaxShopName));
    data.set("max_description", std::to_string(kMaxShopDescription));
    data.set("max_phone", std::to_string(kMaxPhone));
    data.set("max_city", std::to_string(kMaxCity));
    data.set("max_pickup_place", std::to_string(kMaxPickupPlace));
    return http_.renderer.Page(request, "sellers/shop_settings", std::move(data), status);
  }

  SellersHttp http_;
};

}  // namespace

void AddShopSettingsPages(http::Router& router, const SellersHttp& http) {
  auto pages = std::make_shared<const ShopSettingsPages>(http);
  router.Get(
      "/seller/shop", [pages](http::Request& request) { return pages->Show(request); }, kPrivatePage);
  router.Post(
      "/seller/shop", [pages](http::Request& request) { return pages->Save(request); }, kLogoRoute);
}

}  // namespace manmulsang::sellers
