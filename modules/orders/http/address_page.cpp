// /addresses: the member's saved delivery addresses — add, make default, delete.

#include "buying_pages.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 4 * 1024, .no_store = true};

class AddressPage : BuyingPages {
 public:
  explicit AddressPage(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response Show(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/addresses");
    return Render(request, {}, {}, http::Status::ok);
  }

  http::Response Add(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/addresses");
    const http::Form& form = request.form();
    NewAddress address{std::string(form.GetOr("recipient")), std::string(form.GetOr("phone")),
                       std::string(form.GetOr("line")), form.Get("default").has_value()};
    auto added = http.services.addresses.Add(*request.context().actor.user, address);
    if (!added) {
      const http::ApiProblem problem = ProblemOf(added.error());
      return Render(request, address, problem.code, problem.status);
    }
    return http::Response::Redirect(Back(request));
  }

  http::Response Remove(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/addresses");
    auto id = http::ParsePositiveId(request.PathParam("id"));
    auto removed = id ? http.services.addresses.Remove(*request.context().actor.user, AddressId{*id})
                      : std::expected<void, AddressError>(std::unexpected(AddressError::address_not_found));
    if (!removed) return Render(request, {}, ProblemOf(removed.error()).code, http::Status::not_found);
    return http::Response::Redirect("/addresses");
  }

  http::Response MakeDefault(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/addresses");
    auto id = http::ParsePositiveId(request.PathParam("id"));
    auto changed = id ? http.services.addresses.MakeDefault(*request.context().actor.user, AddressId{*id})
                      : std::expected<void, AddressError>(std::unexpected(AddressError::address_not_found));
    if (!changed) return Render(request, {}, ProblemOf(changed.error()).code, http::Status::not_found);
    return http::Response::Redirect("/addresses");
  }

 private:
  // The checkout page links here with ?back=/checkout; only that one place is honoured.
  static std::string Back(const http::Request& request) {
    return request.form().GetOr("back") == "/checkout" ? "/checkout" : "/addresses";
  }

  http::Response Render(const http::Request& request, const NewAddress& typed, std::string_view error,
                        http::Status status) const {
    html::Data data;
    data.set("title", Text(request, "orders.addresses_title"));
    if (!error.empty()) data.set("message", ErrorText(request, error));
    html::List addresses;
    for (const Address& address : http.services.addresses.List(*request.context().actor.user)) {
      html::Data row;
      row.set("id", std::to_string(address.id.value));
      row.set("recipient", address.recipient);
      row.set("phone", address.phone);
      row.set("line", address.line);
      row.set("is_default", html::Data(address.is_default));
      addresses.push_back(row);
    }
    data.set("addresses", addresses);
    data.set("recipient", typed.recipient);
    data.set("phone", typed.phone);
    data.set("line", typed.line);
    data.set("back", request.Query("back").value_or("") == "/checkout" ? "/checkout" : "");
    return Page(request, "orders/addresses", std::move(data), status);
  }
};

}  // namespace

void AddAddressPage(http::Router& router, const BuyingHttp& http) {
  auto page = std::make_shared<const AddressPage>(http);
  router.Get(
      "/addresses", [page](http::Request& request) { return page->Show(request); }, kNoStore);
  router.Post(
      "/addresses", [page](http::Request& request) { return page->Add(request); }, kFormBody);
  router.Post(
      "/addresses/:id/delete", [page](http::Request& request) { return page->Remove(request); }, kFormBody);
  router.Post(
      "/addresses/:id/default", [page](http::Request& request) { return page->MakeDefault(request); }, kFormBody);
}

}  // namespace manmulsang::orders
