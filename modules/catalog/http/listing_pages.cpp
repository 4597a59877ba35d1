// The seller's listing pages, JavaScript not needed: /seller/products (own listings with hide,
// show and delete), /seller/products/new and /seller/products/:id/edit (the form with option rows
// and the photo upload). A refused form comes back with what was typed and the field marked;
// nothing is written.

#include "catalog_http.hpp"
#include "listing_form.hpp"
#include "listing_http.hpp"
#include "listing_view.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/media/image_upload.hpp"

namespace manmulsang::catalog {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 128 * 1024, .no_store = true};
constexpr http::RouteOptions kUploadBody{.body_limit = media::kUploadBodyLimit, .offload = true, .no_store = true};
// A seller's own listings and forms: no cache keeps them.
constexpr http::RouteOptions kPrivate{.no_store = true};
constexpr int kListingsPerPage = 20;

class ListingPages {
 public:
  explicit ListingPages(const ListingHttp& http) : http_(http) {}

  http::Response List(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products");
    const core::Locale locale = request.context().locale;
    ListingFilter filter;
    filter.per_page = kListingsPerPage;
    std::string status_name;
    if (auto status = request.Query("status"); status && !status->empty()) {
      filter.status = ParseListingStatus(*status);
      if (filter.status) status_name = std::string(*status);
    }
    if (auto page = request.Query("page")) {
      auto number = http::ParsePositiveId(*page);
      if (number && *number <= kMaxPage) filter.page = static_cast<int>(*number);
    }
    auto listed = http_.listings.ShopListings(request.context().actor, filter);
    if (!listed) return Refused(request, listed.error());

    html::Data data;
    data.set("title", http_.Text(locale, "catalog.listing.list_title"));
    if (auto done = request.Query("done")) {
      if (*done == "deleted" || *done == "hidden" || *done == "shown") {
        data.set("notice", http_.Text(locale, "catalog.listing.done_" + std::string(*done)));
      }
    }
    html::List filters;
    for (std::string_view name : {"", "active", "hidden"}) {
      html::Data filter_link;
      filter_link.set("label",
                      http_.Text(locale, "catalog.listing.filter_" + std::string(name.empty() ? "all" : name)));
      filter_link.set("url",
                      name.empty() ? std::string("/seller/products") : "/seller/products?status=" + std::string(name));
      filter_link.set("current", status_name == name);
      filters.push_back(std::move(filter_link));
    }
    data.set("filters", std::move(filters));
    data.set("total", core::FormatCount(listed->total));
    html::List rows;
    for (const Product& product : listed->items) {
      html::Data row;
      const std::string id = std::to_string(product.id.value);
      row.set("id", id);
      row.set("name", product.name);
      row.set("image", product.list_images.empty() ? html::Data(false) : html::Data(product.list_images.front()));
      row.set("price_text", core::FormatMoney(product.price, core::LocaleCode(locale)));
      row.set("stock", core::FormatCount(product.stock));
      row.set("sold_out", product.stock <= 0);
      row.set("variant_count",
              product.variants.empty() ? html::Data(false) : html::Data(std::to_string(product.variants.size())));
      const bool hidden = product.status == ProductStatus::hidden;
      row.set("hidden", hidden);
      row.set("status_label",
              http_.Text(locale, hidden ? "catalog.listing.status_hidden" : "catalog.listing.status_active"));
      // Taken down by an admin: the seller reads why, and is offered no "show" button.
      row.set("take_down_reason",
              product.take_down_reason ? html::Data(*product.take_down_reason) : html::Data(false));
      rows.push_back(std::move(row));
    }
    data.set("has_listings", !rows.empty());
    data.set("listings", std::move(rows));
    ProductPage pager_page;
    pager_page.page = listed->page;
    pager_page.per_page = listed->per_page;
    pager_page.total = listed->total;
    data.set("pager", PagerData(pager_page, [&](int number) {
               std::string url = "/seller/products?page=" + std::to_string(number);
               if (!status_name.empty()) url += "&status=" + status_name;
               return url;
             }));
    return Page(request, "catalog/seller_products", std::move(data), http::Status::ok);
  }

  http::Response New(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products/new");
    // Asked first, so that an applicant sees why instead of a form it cannot send.
    if (auto listed = http_.listings.ShopListings(request.context().actor, {}); !listed) {
      return Refused(request, listed.error());
    }
    ListingForm typed;
    typed.stock = "1";
    return Form(request, nullptr, typed, std::nullopt, http::Status::ok);
  }

  http::Response Create(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products/new");
    ListingForm typed = FormOf(request.form());
    auto input = InputOfForm(typed);
    std::expected<core::ProductId, ListingProblem> id =
        input ? http_.listings.Create(request.context().actor, *input)
              : std::expected<core::ProductId, ListingProblem>(std::unexpected(input.error()));
    if (!id) {
      if (id.error().error != ListingError::invalid_field) return Refused(request, id.error());
      // Not a seller at all is refused before the fields are looked at.
      if (auto listed = http_.listings.ShopListings(request.context().actor, {}); !listed) {
        return Refused(request, listed.error());
      }
      return Form(request, nullptr, typed, id.error(), http::Status::bad_request);
    }
    auto product = http_.listings.Get(request.context().actor, *id);
    if (product) http_.ForgetPages(*product);
    return http::Response::Redirect("/seller/products/" + std::to_string(id->value) + "/edit?done=created");
  }

  http::Response Edit(http::Request& request) const {
    const std::string back = std::string(request.path());
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    auto product = http_.listings.Get(request.context().actor, Id(request));
    if (!product) return Refused(request, product.error());
    return Form(request, &*product, FormOf(*product, http_.catalog), std::nullopt, http::Status::ok);
  }

  http::Response Update(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products");
    const core::Actor& actor = request.context().actor;
    auto current = http_.listings.Get(actor, Id(request));
    if (!current) return Refused(request, current.error());
    ListingForm typed = FormOf(request.form());
    auto input = InputOfForm(typed);
    std::expected<Product, ListingProblem> product =
        input ? http_.listings.Update(actor, current->id, *input)
              : std::expected<Product, ListingProblem>(std::unexpected(input.error()));
    if (!product) {
      if (product.error().error != ListingError::invalid_field) return Refused(request, product.error());
      return Form(request, &*current, typed, product.error(), http::Status::bad_request);
    }
    http_.ForgetPages(*current);  // options removed by the edit too
    http_.ForgetPages(*product);
    return http::Response::Redirect("/seller/products/" + std::to_string(product->id.value) + "/edit?done=saved");
  }

  http::Response SetHidden(http::Request& request, bool hidden) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products");
    auto product = http_.listings.SetHidden(request.context().actor, Id(request), hidden);
    if (!product) return Refused(request, product.error());
    http_.ForgetPages(*product);
    return http::Response::Redirect(std::string("/seller/products?done=") + (hidden ? "hidden" : "shown"));
  }

  http::Response ConfirmDelete(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(std::string(request.path()));
    auto product = http_.listings.Get(request.context().actor, Id(request));
    if (!product) return Refused(request, product.error());
    html::Data data;
    data.set("title", http_.Text(request.context().locale, "catalog.listing.delete_title"));
    data.set("id", std::to_string(product->id.value));
    data.set("name", product->name);
    return Page(request, "catalog/seller_product_delete", std::move(data), http::Status::ok);
  }

  http::Response Delete(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products");
    const core::Actor& actor = request.context().actor;
    auto product = http_.listings.Get(actor, Id(request));
    if (!product) return Refused(request, product.error());
    auto deleted = http_.listings.Delete(actor, product->id);
    if (!deleted) return Refused(request, deleted.error());
    http_.ForgetPages(*product);
    return http::Response::Redirect("/seller/products?done=deleted");
  }

  http::Response AddImage(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products");
    const core::Actor& actor = request.context().actor;
    auto product = http_.listings.Get(actor, Id(request));
    if (!product) return Refused(request, product.error());
    auto refuse_upload = [&](const std::string& message, http::Status status) {
      return Form(request, &*product, FormOf(*product, http_.catalog), std::nullopt, status, message);
    };
    if (product->images.size() >= kMaxListingImages) {
      return refuse_upload(http_.Message(request.context().locale, {ListingError::too_many_images, "image"}),
                           http::Status::bad_request);
    }
    auto stored = media::StoreUploadedImages(request, "image", 1, http_.media);
    if (!stored) {
      return refuse_upload(http_.Text(request.context().locale, media::UploadMessageKey(stored.error().code)),
                           stored.error().status);
    }
    std::expected<Product, ListingProblem> added = *product;
    for (media::StoredImage& image : *stored) {
      added = http_.listings.AddImage(actor, product->id, std::move(image.detail_url), std::move(image.list_url));
      if (!added)
        return refuse_upload(http_.Message(request.context().locale, added.error()), http::Status::bad_request);
    }
    http_.ForgetPages(*product);
    return http::Response::Redirect("/seller/products/" + std::to_string(product->id.value) +
                                    "/edit?done=photo#photos");
  }

  http::Response RemoveImage(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/products");
    const core::ProductId id = Id(request);
    auto position = http::ParsePositiveId(request.PathParam("number"));  // 1-based on pages
    std::expected<Product, ListingProblem> product =
        position && *position <= static_cast<std::int64_t>(kMaxListingImages)
            ? http_.listings.RemoveImage(request.context().actor, id, static_cast<int>(*position - 1))
            : http_.listings.Get(request.context().actor, id);
    if (!product) return Refused(request, product.error());
    http_.ForgetPages(*product);
    return http::Response::Redirect("/seller/products/" + std::to_string(product->id.value) + "/edit#photos");
  }

 private:
  static core::ProductId Id(const http::Request& request) {
    return core::ProductId{http::ParsePositiveId(request.PathParam("id")).value_or(0)};
  }

  // Not a seller: a page that says so and leads to the application; another shop's or an unknown
  // listing: not found.
  http::Response Refused(const http::Request& request, const ListingProblem& problem) const {
    const core::Locale locale = request.context().locale;
    if (problem.error == ListingError::not_a_seller) {
      html::Data data;
      data.set("title", http_.Text(locale, "catalog.listing.not_a_seller_title"));
      return Page(request, "catalog/seller_not_a_seller", std::move(data), http::Status::forbidden);
    }
    if (problem.error == ListingError::listing_not_found) {
      html::Data data;
      data.set("title", std::string(http_.renderer.Translate(locale, "not_found.title")));
      return Page(request, "web/not_found", std::move(data), http::Status::not_found);
    }
    return http_.renderer.ErrorPage(request, http::Status::bad_request, http_.Message(locale, problem));
  }

  http::Response Form(const http::Request& request, const Product* product, const ListingForm& typed,
                      const std::optional<ListingProblem>& problem, http::Status status,
                      const std::string& upload_message = {}) const {
    const core::Locale locale = request.context().locale;
    html::Data data;
    const bool editing = product != nullptr;
    data.set("title", http_.Text(locale, editing ? "catalog.listing.edit_title" : "catalog.listing.new_title"));
    data.set("editing", editing);
    data.set("action",
             editing ? "/seller/products/" + std::to_string(product->id.value) : std::string("/seller/products"));
    if (auto done = request.Query("done")) {
      if (*done == "created" || *done == "saved" || *done == "photo") {
        data.set("notice", http_.Text(locale, "catalog.listing.done_" + std::string(*done)));
      }
    }
    std::string field;
    if (problem) {
      data.set("message", http_.Message(locale, *problem));
      field = problem->field;
    }
    for (std::string_view name : {"name", "description", "category", "price", "currency", "stock", "variants"}) {
      data.set("error_" + std::string(name), field == name);
    }
    data.set("name", typed.name);
    data.set("description", typed.description);
    data.set("price", typed.price);
    data.set("stock", typed.stock);
    data.set("max_name", std::to_string(200));
    data.set("max_description", std::to_string(5000));
    data.set("max_variants", std::to_string(kMaxListingVariants));

    html::List categories;
    for (const Category& top : http_.catalog.TopCategories()) {
      auto option = [&](const Category& category, std::string label) {
        html::Data item;
        item.set("slug", category.slug);
        item.set("label", std::move(label));
        item.set("selected", category.slug == typed.category);
        categories.push_back(std::move(item));
      };
      const std::string top_name(CategoryName(top, locale));
      option(top, top_name);
      for (const Category& child : http_.catalog.Children(top.id)) {
        option(child, top_name + " › " + std::string(CategoryName(child, locale)));
      }
    }
    data.set("categories", std::move(categories));
    html::List currencies;
    for (std::string_view code : {"KPW", "USD", "CNY"}) {
      html::Data item;
      item.set("code", std::string(code));
      item.set("label", http_.Text(locale, "catalog.listing.currency_" + std::string(code)));
      item.set("selected", typed.currency == code);
      currencies.push_back(std::move(item));
    }
    data.set("currencies", std::move(currencies));

    html::List rows;
    const std::size_t row_count = typed.variants.size() + kEmptyVariantRows;
    for (std::size_t index = 0; index < row_count && index < kMaxListingVariants + kEmptyVariantRows; ++index) {
      const VariantRow empty;
      const VariantRow& typed_row = index < typed.variants.size() ? typed.variants[index] : empty;
      const std::string prefix = "variants[" + std::to_string(index) + "].";
      html::Data row;
      row.set("number", std::to_string(index + 1));
      row.set("id", typed_row.id);
      row.set("size", typed_row.size);
      row.set("colour", typed_row.colour);
      row.set("price", typed_row.price);
      row.set("stock", typed_row.stock);
      for (std::string_view name : {"size", "colour", "price", "stock", "id"}) {
        row.set("error_" + std::string(name), field == prefix + std::string(name));
      }
      rows.push_back(std::move(row));
    }
    data.set("variants", std::move(rows));

    if (editing) {
      data.set("id", std::to_string(product->id.value));
      data.set("public_url", product->status == ProductStatus::active
                                 ? html::Data("/p/" + std::to_string(product->id.value))
                                 : html::Data(false));
      html::List images;
      for (std::size_t index = 0; index < product->images.size(); ++index) {
        html::Data image;
        image.set("number", std::to_string(index + 1));
        image.set("url", index < product->list_images.size() ? product->list_images[index] : product->images[index]);
        images.push_back(std::move(image));
      }
      data.set("has_images", !images.empty());
      data.set("images", std::move(images));
      data.set("can_add_image", product->images.size() < kMaxListingImages);
      data.set("max_images", std::to_string(kMaxListingImages));
      data.set("upload_message", upload_message.empty() ? html::Data(false) : html::Data(upload_message));
    }
    return Page(request, "catalog/seller_product_form", std::move(data), status);
  }

  http::Response Page(const http::Request& request, std::string_view name, html::Data data, http::Status status) const {
    return http_.renderer.Page(request, name, std::move(data), status);
  }

  ListingHttp http_;
};

}  // namespace

void AddListingPages(http::Router& router, const ListingHttp& http) {
  auto pages = std::make_shared<const ListingPages>(http);
  router.Get(
      "/seller/products", [pages](http::Request& request) { return pages->List(request); }, kPrivate);
  router.Post(
      "/seller/products", [pages](http::Request& request) { return pages->Create(request); }, kFormBody);
  router.Get(
      "/seller/products/new", [pages](http::Request& request) { return pages->New(request); }, kPrivate);
  router.Get(
      "/seller/products/:id/edit", [pages](http::Request& request) { return pages->Edit(request); }, kPrivate);
  router.Post(
      "/seller/products/:id", [pages](http::Request& request) { return pages->Update(request); }, kFormBody);
  router.Post(
      "/seller/products/:id/hide", [pages](http::Request& request) { return pages->SetHidden(request, true); },
      kPrivate);
  router.Post(
      "/seller/products/:id/show", [pages](http::Request& request) { return pages->SetHidden(request, false); },
      kPrivate);
  router.Get(
      "/seller/products/:id/delete", [pages](http::Request& request) { return pages->ConfirmDelete(request); },
      kPrivate);
  router.Post(
      "/seller/products/:id/delete", [pages](http::Request& request) { return pages->Delete(request); }, kPrivate);
  router.Post(
      "/seller/products/:id/images", [pages](http::Request& request) { return pages->AddImage(request); }, kUploadBody);
  router.Post(
      "/seller/products/:id/images/:number/delete",
      [pages](http::Request& request) { return pages->RemoveImage(request); }, kPrivate);
}

}  // namespace manmulsang::catalog
