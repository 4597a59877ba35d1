#include <boost/json/array.hpp>

#include "buying_http.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kSmallBody{.body_limit = 4 * 1024, .json_body = true, .no_store = true};

boost::json::object AddressJson(const Address& address) {
  return {{"id", address.id.value},
          {"recipient", address.recipient},
          {"phone", address.phone},
          {"line", address.line},
          {"default", address.is_default}};
}

http::Response List(const BuyingHttp& http, const http::Request& request, http::Status status = http::Status::ok) {
  boost::json::array items;
  for (const Address& address : http.services.addresses.List(*request.context().actor.user)) {
    items.push_back(AddressJson(address));
  }
  return http::Response::Json(boost::json::object{{"items", std::move(items)}}, status);
}

http::Response Show(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  return List(http, request);
}

http::Response Add(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto recipient = http::StringField(*body, "recipient", {"invalid_recipient"});
  if (!recipient) return http.Error(request, recipient.error());
  auto phone = http::StringField(*body, "phone", {"invalid_phone"});
  if (!phone) return http.Error(request, phone.error());
  auto line = http::StringField(*body, "line", {"invalid_address"});
  if (!line) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_address", "line"});
  const boost::json::value* make_default = body->if_contains("default");
  NewAddress address{std::string(*recipient), std::string(*phone), std::string(*line),
                     make_default && make_default->is_bool() && make_default->as_bool()};
  auto added = http.services.addresses.Add(*request.context().actor.user, address);
  if (!added) return http.Error(request, added.error());
  return List(http, request, http::Status::created);
}

http::Response Remove(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, AddressError::address_not_found);
  auto removed = http.services.addresses.Remove(*request.context().actor.user, AddressId{*id});
  if (!removed) return http.Error(request, removed.error());
  return List(http, request);
}

http::Response MakeDefault(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, AddressError::address_not_found);
  auto changed = http.services.addresses.MakeDefault(*request.context().actor.user, AddressId{*id});
  if (!changed) return http.Error(request, changed.error());
  return List(http, request);
}

}  // namespace

void AddAddressApi(http::Router& router, const BuyingHttp& http) {
  router.Get(
      "/api/v1/addresses", [http](http::Request& request) { return Show(http, request); }, kNoStore);
  router.Post(
      "/api/v1/addresses", [http](http::Request& request) { return Add(http, request); }, kSmallBody);
  router.Add(
      http::Method::delete_, "/api/v1/addresses/:id", [http](http::Request& request) { return Remove(http, request); },
      kSmallBody);
  router.Post(
      "/api/v1/addresses/:id/default", [http](http::Request& request) { return MakeDefault(http, request); },
      kSmallBody);
}

}  // namespace manmulsang::orders
