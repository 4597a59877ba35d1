// The seller's listings through the JSON API (DESIGN.md §3): /api/v1/seller/products. The
// service decides every rule and ownership; these parse, call and answer. Another shop's listing
// is 404, never 403.

#include <boost/json/array.hpp>

#include "listing_http.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/json_fields.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/media/image_upload.hpp"

namespace manmulsang::catalog {
namespace {

using http::ApiProblem;

constexpr http::RouteOptions kJsonBody{.body_limit = 256 * 1024, .json_body = true, .no_store = true};
// A seller's own listings, hidden ones included: no cache keeps them.
constexpr http::RouteOptions kPrivate{.no_store = true};
constexpr http::RouteOptions kUploadBody{.body_limit = media::kUploadBodyLimit, .offload = true, .no_store = true};

std::unexpected<ApiProblem> BadField(std::string field) {
  return std::unexpected(ApiProblem{http::Status::bad_request, "invalid_field", std::move(field)});
}

// A refused field is invalid_field naming its path ("variants[2].stock"), worded by
// t.catalog.listing.invalid.<field>.
http::FieldProblem Invalid(std::string_view field) { return {.code = "invalid_field", .field = field}; }

// {"amount": 40000, "currency": "KPW"} over target, as the platform's Patch readers read: what
// is left out stays what it was.
std::expected<void, ApiProblem> PatchMoneyField(const boost::json::object& body, std::string_view name,
                                                const std::string& field, core::Money& target) {
  const boost::json::value* value = body.if_contains(name);
  if (!value) return {};
  if (!value->is_object()) return BadField(field);
  const boost::json::object& money = value->as_object();
  if (auto amount = http::PatchInt64Field(money, "amount", target.amount, Invalid(field)); !amount) return amount;
  auto code = http::OptionalStringField(money, "currency", Invalid(field));
  if (!code) return std::unexpected(code.error());
  if (!*code) return {};
  auto currency = core::ParseCurrency(**code);
  if (!currency) return BadField(field);
  target.currency = *currency;
  return {};
}

// Reads the fields present in body over input (all of them for a new listing, some for PATCH).
// "variants", when present, is the whole new list of options (matched to the old by id).
std::expected<void, ApiProblem> ReadListing(const boost::json::object& body, ListingInput& input) {
  using http::PatchInt64Field;
  using http::PatchStringField;
  if (auto read = PatchStringField(body, "category", input.category_slug, Invalid("category")); !read) return read;
  if (auto read = PatchStringField(body, "name", input.name, Invalid("name")); !read) return read;
  if (auto read = PatchStringField(body, "description", input.description, Invalid("description")); !read) return read;
  if (auto read = PatchMoneyField(body, "price", "price", input.price); !read) return read;
  if (auto read = PatchInt64Field(body, "stock", input.stock, Invalid("stock")); !read) return read;
  const boost::json::value* variants = body.if_contains("variants");
  if (!variants) return {};
  if (!variants->is_array()) return BadField("variants");
  if (variants->as_array().size() > kMaxListingVariants) return BadField("variants");
  input.variants.clear();
  std::size_t index = 0;
  for (const boost::json::value& item : variants->as_array()) {
    const std::string prefix = "variants[" + std::to_string(index++) + "].";
    if (!item.is_object()) return BadField(prefix + "size");
    const boost::json::object& object = item.as_object();
    VariantInput variant;
    variant.price.currency = input.price.currency;
    if (const boost::json::value* id = object.if_contains("id"); id && !id->is_null()) {
      if (!id->is_int64() || id->as_int64() <= 0) return BadField(prefix + "id");
      variant.id = core::ProductId{id->as_int64()};
    }
    if (auto read = PatchStringField(object, "size", variant.size, Invalid(prefix + "size")); !read) return read;
    if (auto read = PatchStringField(object, "colour", variant.colour, Invalid(prefix + "colour")); !read) return read;
    if (auto read = PatchMoneyField(object, "price", prefix + "price", variant.price); !read) return read;
    if (auto read = PatchInt64Field(object, "stock", variant.stock, Invalid(prefix + "stock")); !read) return read;
    input.variants.push_back(std::move(variant));
  }
  // A listing sold through options takes their currency when its own price was left out.
  if (!body.contains("price") && !input.variants.empty()) input.price.currency = input.variants.front().price.currency;
  return {};
}

// A picture's 0-based position as the API lists it: 1 to 3 digits, nothing else.
std::optional<int> ParsePosition(std::string_view text) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  int value = 0;
  for (char digit : text) {
    if (digit < '0' || digit > '9') return std::nullopt;
    value = value * 10 + (digit - '0');
  }
  return value;
}

class ListingApi {
 public:
  explicit ListingApi(const ListingHttp& http) : http_(http) {}

  http::Response List(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    auto page = http::ParseListPage(request);
    if (!page) return Error(request, ApiProblem{http::Status::bad_request, "invalid_field", "page"});
    ListingFilter filter;
    filter.page = page->page;
    filter.per_page = page->per_page;
    if (auto status = request.Query("status"); status && !status->empty()) {
      filter.status = ParseListingStatus(*status);
      if (!filter.status) return Error(request, ApiProblem{http::Status::bad_request, "invalid_field", "status"});
    }
    auto listed = http_.listings.ShopListings(request.context().actor, filter);
    if (!listed) return Error(request, listed.error());
    boost::json::array items;
    for (const Product& product : listed->items) items.push_back(Json(request, product));
    return http::Response::Json(boost::json::object{
        {"items", std::move(items)}, {"total", listed->total}, {"page", listed->page}, {"per_page", listed->per_page}});
  }

  http::Response Create(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    ListingInput input;
    if (auto read = ReadListing(*body, input); !read) return Error(request, read.error());
    auto id = http_.listings.Create(request.context().actor, input);
    if (!id) return Error(request, id.error());
    auto product = http_.listings.Get(request.context().actor, *id);
    if (!product) return Error(request, product.error());
    http_.ForgetPages(*product);
    http::Response response = http::Response::Json(Json(request, *product), http::Status::created);
    response.SetHeader("Location", "/api/v1/seller/products/" + std::to_string(id->value));
    return response;
  }

  http::Response Get(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    auto product = http_.listings.Get(request.context().actor, Id(request));
    if (!product) return Error(request, product.error());
    return http::Response::Json(Json(request, *product));
  }

  // Changes the fields present; "status": "active" | "hidden" shows or hides the listing.
  http::Response Patch(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    const core::Actor& actor = request.context().actor;
    auto current = http_.listings.Get(actor, Id(request));
    if (!current) return Error(request, current.error());
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto status_name = http::OptionalStringField(*body, "status", Invalid("status"));
    if (!status_name) return Error(request, status_name.error());
    std::optional<ProductStatus> status;
    if (*status_name) {
      status = ParseListingStatus(**status_name);
      if (!status) return Error(request, ApiProblem{http::Status::bad_request, "invalid_field", "status"});
    }
    ListingInput input = InputOf(*current, http_.catalog);
    if (auto read = ReadListing(*body, input); !read) return Error(request, read.error());
    // Everything is checked before anything is written: a refused field leaves the status too.
    const bool changes_listing = body->size() > (status ? 1u : 0u);
    std::expected<Product, ListingProblem> product = *current;
    if (changes_listing) product = http_.listings.Update(actor, current->id, input);
    if (product && status) product = http_.listings.SetHidden(actor, current->id, *status == ProductStatus::hidden);
    if (!product) return Error(request, product.error());
    http_.ForgetPages(*current);  // options removed by the edit too
    http_.ForgetPages(*product);
    return http::Response::Json(Json(request, *product));
  }

  http::Response SetHidden(http::Request& request, bool hidden) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    auto product = http_.listings.SetHidden(request.context().actor, Id(request), hidden);
    if (!product) return Error(request, product.error());
    http_.ForgetPages(*product);
    return http::Response::Json(Json(request, *product));
  }

  http::Response Delete(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    const core::ProductId id = Id(request);
    auto product = http_.listings.Get(request.context().actor, id);
    if (!product) return Error(request, product.error());
    auto deleted = http_.listings.Delete(request.context().actor, id);
    if (!deleted) return Error(request, deleted.error());
    http_.ForgetPages(*product);
    return http::Response(http::Status::no_content, "text/plain; charset=utf-8", "");
  }

  // multipart/form-data, one or more parts named "image"; the listing keeps at most ten.
  http::Response AddImages(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    const core::Actor& actor = request.context().actor;
    // Ownership and room before the decode: another shop's listing costs no image work.
    auto product = http_.listings.Get(actor, Id(request));
    if (!product) return Error(request, product.error());
    if (product->images.size() >= kMaxListingImages) {
      return Error(request, ListingProblem{ListingError::too_many_images, "image"});
    }
    auto stored = media::StoreUploadedImages(request, "image", kMaxListingImages - product->images.size(), http_.media);
    if (!stored) {
      return html::ApiError(http_.renderer, request, stored.error(), media::UploadMessageKey(stored.error().code));
    }
    std::expected<Product, ListingProblem> added = *product;
    for (media::StoredImage& image : *stored) {
      added = http_.listings.AddImage(actor, product->id, std::move(image.detail_url), std::move(image.list_url));
      if (!added) return Error(request, added.error());
    }
    http_.ForgetPages(*added);
    return http::Response::Json(Json(request, *added), http::Status::created);
  }

  http::Response RemoveImage(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Error(request, UnauthenticatedProblem());
    const core::Actor& actor = request.context().actor;
    const core::ProductId id = Id(request);
    auto position = ParsePosition(request.PathParam("position"));
    if (!position) {
      // An unreadable position on another shop's listing is still not found.
      if (auto own = http_.listings.Get(actor, id); !own) return Error(request, own.error());
      return Error(request, ApiProblem{http::Status::bad_request, "invalid_field", "position"});
    }
    const int index = *position;
    auto product = http_.listings.RemoveImage(actor, id, index);
    if (!product) return Error(request, product.error());
    http_.ForgetPages(*product);
    return http::Response::Json(Json(request, *product));
  }

 private:
  static core::ProductId Id(const http::Request& request) {
    return core::ProductId{http::ParsePositiveId(request.PathParam("id")).value_or(0)};
  }

  boost::json::object Json(const http::Request& request, const Product& product) const {
    return SellerListingJson(product, http_.catalog, request.context().locale);
  }

  http::Response Error(const http::Request& request, const ListingProblem& problem) const {
    return http::ApiErrorResponse(ProblemOf(problem), http_.Message(request.context().locale, problem));
  }

  http::Response Error(const http::Request& request, const ApiProblem& problem) const {
    std::string message;
    if (problem.code == "invalid_field") {
      message = http_.Message(request.context().locale, {ListingError::invalid_field, problem.field});
    } else {
      message = http_.Text(request.context().locale, "catalog.listing.error." + problem.code);
    }
    return http::ApiErrorResponse(problem, message);
  }

  ListingHttp http_;
};

}  // namespace

void AddListingApi(http::Router& router, const ListingHttp& http) {
  auto api = std::make_shared<const ListingApi>(http);
  router.Get(
      "/api/v1/seller/products", [api](http::Request& request) { return api->List(request); }, kPrivate);
  router.Post(
      "/api/v1/seller/products", [api](http::Request& request) { return api->Create(request); }, kJsonBody);
  router.Get(
      "/api/v1/seller/products/:id", [api](http::Request& request) { return api->Get(request); }, kPrivate);
  router.Add(
      http::Method::patch, "/api/v1/seller/products/:id", [api](http::Request& request) { return api->Patch(request); },
      kJsonBody);
  router.Add(
      http::Method::delete_, "/api/v1/seller/products/:id",
      [api](http::Request& request) { return api->Delete(request); }, kJsonBody);
  router.Post(
      "/api/v1/seller/products/:id/hide", [api](http::Request& request) { return api->SetHidden(request, true); },
      kJsonBody);
  router.Post(
      "/api/v1/seller/products/:id/show", [api](http::Request& request) { return api->SetHidden(request, false); },
      kJsonBody);
  router.Post(
      "/api/v1/seller/products/:id/images", [api](http::Request& request) { return api->AddImages(request); },
      kUploadBody);
  router.Add(
      http::Method::delete_, "/api/v1/seller/products/:id/images/:position",
      [api](http::Request& request) { return api->RemoveImage(request); }, kJsonBody);
}

}  // namespace manmulsang::catalog
