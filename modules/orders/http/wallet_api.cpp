#include <boost/json/array.hpp>

#include "buying_http.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kSmallBody{.body_limit = 4 * 1024, .json_body = true, .no_store = true};
constexpr http::RouteOptions kAdminBody{
    .body_limit = 4 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

http::Response Wallet(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  const payments::WalletStatement statement =
      http.services.payments.Wallet(*request.context().actor.user, page->page, page->per_page);
  boost::json::array entries;
  for (const payments::WalletEntry& entry : statement.entries) {
    boost::json::object json{{"transfer_id", entry.transfer.value},
                             {"kind", payments::TransferKindName(entry.kind)},
                             {"amount", MoneyJson(entry.amount)},
                             {"reference", entry.reference},
                             {"created_at", core::FormatIso8601(entry.created_at)}};
    if (entry.order) json["order_id"] = entry.order->value;
    entries.push_back(std::move(json));
  }
  return http::Response::Json(boost::json::object{{"balance", MoneyJson(statement.balance.amount)},
                                                  {"entries", std::move(entries)},
                                                  {"total", statement.total},
                                                  {"page", statement.page},
                                                  {"per_page", statement.per_page}});
}

http::Response Redeem(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto code = http::StringField(*body, "code", {"voucher_not_found"});
  if (!code) return http.Error(request, code.error());
  const core::UserId user = *request.context().actor.user;
  auto credited = http.services.payments.RedeemVoucher(user, *code);
  if (!credited) return http.Error(request, credited.error());
  return http::Response::Json(
      boost::json::object{{"credited", MoneyJson(credited->amount)},
                          {"balance", MoneyJson(http.services.payments.WalletBalance(user).amount)}});
}

http::Response Rates(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  const payments::ExchangeRates rates = http.services.payments.CurrentRates();
  boost::json::array items;
  for (core::Currency currency : {core::Currency::usd, core::Currency::cny}) {
    if (auto rate = rates.Rate(currency)) {
      items.push_back(boost::json::object{
          {"currency", core::CurrencyCode(currency)}, {"rate", *rate}, {"scale", payments::kRateScale}});
    }
  }
  return http::Response::Json(boost::json::object{{"items", std::move(items)}});
}

std::expected<core::Currency, http::ApiProblem> CurrencyField(const boost::json::object& body) {
  auto code = http::StringField(body, "currency", {"invalid_currency"});
  if (!code) return std::unexpected(code.error());
  auto currency = core::ParseCurrency(*code);
  if (!currency) return std::unexpected(http::ApiProblem{http::Status::bad_request, "invalid_currency", "currency"});
  return *currency;
}

http::Response Credit(const BuyingHttp& http, http::Request& request) {
  auto user_id = http::ParsePositiveId(request.PathParam("user_id"));
  if (!user_id || !http.services.accounts.FindUser(core::UserId{*user_id})) {
    return http.Error(request, http::ApiProblem{http::Status::not_found, "user_not_found", "user_id"});
  }
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto amount = http::Int64Field(*body, "amount", {"invalid_amount"});
  if (!amount) return http.Error(request, amount.error());
  auto currency = CurrencyField(*body);
  if (!currency) return http.Error(request, currency.error());
  auto reference = http::StringField(*body, "reference", {"reference_required"});
  if (!reference) return http.Error(request, reference.error());
  const core::UserId user{*user_id};
  // The money desk's two-person rule holds whichever door a credit comes in by: converted to won
  // at the current rate, a credit above the limit waits for a second admin (RequestCredit).
  auto won = http.services.payments.CurrentRates().ToKpw({*amount, *currency});
  if (!won) return http.Error(request, won.error());
  auto outcome = http.services.payments.RequestCredit(
      {user, {*won, core::Currency::kpw}, std::string(*reference), *request.context().actor.user});
  if (!outcome) return http.Error(request, outcome.error());
  if (outcome->pending) {
    return http::Response::Json(
        boost::json::object{{"pending_credit_id", *outcome->pending}, {"member_id", user.value}},
        http::Status::accepted);
  }
  return http::Response::Json(
      boost::json::object{{"transfer_id", outcome->transfer->value},
                          {"balance", MoneyJson(http.services.payments.WalletBalance(user).amount)}},
      http::Status::created);
}

http::Response SetRate(const BuyingHttp& http, http::Request& request) {
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto currency = CurrencyField(*body);
  if (!currency) return http.Error(request, currency.error());
  auto rate = http::Int64Field(*body, "rate", {"invalid_rate"});
  if (!rate) return http.Error(request, rate.error());
  auto set = http.services.payments.SetExchangeRate(*currency, *rate, *request.context().actor.user);
  if (!set) return http.Error(request, set.error());
  return Rates(http, request);
}

http::Response Mint(const BuyingHttp& http, http::Request& request) {
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto count = http::Int64Field(*body, "count", {"invalid_count"});
  if (!count) return http.Error(request, count.error());
  auto amount = http::Int64Field(*body, "amount", {"invalid_amount"});
  if (!amount) return http.Error(request, amount.error());
  std::string_view note = "";
  if (const auto* value = body->if_contains("note"); value && value->is_string()) {
    note = std::string_view(value->as_string().data(), value->as_string().size());
  }
  auto batch = http.services.payments.MintVouchers(*request.context().actor.user, *count, *amount, note);
  if (!batch) return http.Error(request, batch.error());
  boost::json::array codes;
  for (const std::string& code : batch->codes) codes.emplace_back(code);
  // The only time the codes are ever shown: they are stored as hashes.
  return http::Response::Json(
      boost::json::object{
          {"batch_id", batch->id}, {"amount", MoneyJson(batch->amount.amount)}, {"codes", std::move(codes)}},
      http::Status::created);
}

}  // namespace

void AddWalletApi(http::Router& router, const BuyingHttp& http) {
  router.Get(
      "/api/v1/wallet", [http](http::Request& request) { return Wallet(http, request); }, kNoStore);
  router.Post(
      "/api/v1/wallet/vouchers", [http](http::Request& request) { return Redeem(http, request); }, kSmallBody);
  router.Get(
      "/api/v1/exchange-rates", [http](http::Request& request) { return Rates(http, request); }, kNoStore);
  router.Post(
      "/api/v1/admin/wallets/:user_id/credit", [http](http::Request& request) { return Credit(http, request); },
      kAdminBody);
  router.Post(
      "/api/v1/admin/exchange-rates", [http](http::Request& request) { return SetRate(http, request); }, kAdminBody);
  router.Post(
      "/api/v1/admin/vouchers", [http](http::Request& request) { return Mint(http, request); }, kAdminBody);
}

}  // namespace manmulsang::orders
